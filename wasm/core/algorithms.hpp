// The JWS "alg" registry as jose knows it, reduced to what edjwt needs: which
// algorithms exist at all and what kind of key each needs. Only EdDSA (RFC
// 8037) and Ed25519 (RFC 9864) verify here; every other known algorithm is
// refused for the key it would need, so that a header can never pick a weaker
// path than the key allows.
#pragma once

#include <string_view>

namespace edjwt {

enum class AlgFamily {
  unknown,     // not a JWS algorithm (also 'none', Ed448, 'eddsa')
  eddsa,       // EdDSA / Ed25519: OKP keys on Ed25519
  secret,      // HS256/384/512: symmetric keys
  asymmetric,  // RS*, PS*, ES*, ML-DSA-*: asymmetric keys of another type
};

AlgFamily alg_family(std::string_view alg);

}  // namespace edjwt
