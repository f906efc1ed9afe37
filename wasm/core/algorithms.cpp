// See algorithms.hpp. Names are case-sensitive (RFC 7515 §4.1.1).
#include "algorithms.hpp"

namespace edjwt {

AlgFamily alg_family(std::string_view alg) {
  if (alg == "EdDSA" || alg == "Ed25519") return AlgFamily::eddsa;
  if (alg == "HS256" || alg == "HS384" || alg == "HS512") return AlgFamily::secret;
  for (std::string_view name : {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
                                "ML-DSA-44", "ML-DSA-65", "ML-DSA-87"}) {
    if (alg == name) return AlgFamily::asymmetric;
  }
  return AlgFamily::unknown;
}

}  // namespace edjwt
