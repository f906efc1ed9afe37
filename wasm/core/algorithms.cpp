// See algorithms.hpp.
#include "algorithms.hpp"

namespace edjwt {
namespace {

#define EDJWT_ALGORITHM_ENTRY(name, scheme, key_type, hash_bits) {name, Scheme::scheme, KeyType::key_type, hash_bits},
constexpr Algorithm kAlgorithms[] = {EDJWT_ALGORITHMS(EDJWT_ALGORITHM_ENTRY)};
#undef EDJWT_ALGORITHM_ENTRY

std::size_t ecdsa_coordinate_size(KeyType type) {
  switch (type) {
    case KeyType::ec_p256: return 32;
    case KeyType::ec_p384: return 48;
    case KeyType::ec_p521: return 66;
    default: return 0;
  }
}

}  // namespace

const Algorithm* find_algorithm(std::string_view alg) {
  // Unrolled, the comparisons cost a kilobyte of wasm and save no measurable time.
#ifdef __clang__
#pragma clang loop unroll(disable)
#endif
  for (const Algorithm& entry : kAlgorithms) {
    if (entry.name == alg) return &entry;
  }
  return nullptr;
}

std::size_t signature_size(const Algorithm& alg, unsigned key_bits) {
  switch (alg.scheme) {
    case Scheme::eddsa: return 64;
    case Scheme::hmac: return static_cast<std::size_t>(alg.hash_bits) / 8;
    case Scheme::ecdsa: return 2 * ecdsa_coordinate_size(alg.key_type);  // raw r‖s, never DER
    case Scheme::rsa_pkcs1:
    case Scheme::rsa_pss: return (key_bits + 7) / 8;
    case Scheme::ml_dsa: return 0;
  }
  return 0;
}

}  // namespace edjwt
