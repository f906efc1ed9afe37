// Fixed-base tables and the table-driven double-scalar multiplication. See
// ed25519_tables.hpp for the layout; sodium_ref10.hpp for the libsodium
// internals this relies on.
#include "ed25519_tables.hpp"

#include <sodium.h>

#include <memory>
#include <new>

#include "sodium_ref10.hpp"

namespace edjwt::ed25519 {

constexpr int kWindowBits = 5;
constexpr int kEntries = 1 << (kWindowBits - 1);  // multiples 1..16
// Both scalars are below L < 2^253 (S is checked canonical, h is reduced).
constexpr int kScalarBits = 253;
constexpr int kWindows = (kScalarBits + kWindowBits - 1) / kWindowBits;
// The top window holds fewer bits, so its digit plus a carry stays below
// 2^(w-1): the recoding never carries out of the last window.
static_assert(kScalarBits - kWindowBits * (kWindows - 1) < kWindowBits - 1);

struct FixedBaseTable {
  ge25519_precomp entries[kWindows][kEntries];
};

namespace {

// 2d, where d = -121665/121666 is the curve constant (libsodium's own copy is
// static to its ref10 file).
const fe25519& twice_d() {
  static const fe25519* value = [] {
    static fe25519 d2;
    unsigned char bytes[32] = {};
    fe25519 numerator, denominator;
    bytes[0] = 121665 & 0xff, bytes[1] = (121665 >> 8) & 0xff, bytes[2] = 121665 >> 16;
    fe25519_frombytes(numerator, bytes);
    bytes[0] = 121666 & 0xff;
    fe25519_frombytes(denominator, bytes);
    fe25519_invert(denominator, denominator);
    fe25519_mul(d2, numerator, denominator);
    fe25519_neg(d2, d2);
    fe25519_add(d2, d2, d2);
    return &d2;
  }();
  return *value;
}

// r = p + q and r = p - q for q in affine (y+x, y-x, 2dxy) form: libsodium's
// ge25519_madd/msub (static there), the "madd-2008-hwcd-3" unified formulas,
// complete on this curve. Two mirror-image functions, as in libsodium, so that
// each stays a straight line of field operations in the verification loop.
void madd(ge25519_p1p1& r, const ge25519_p3& p, const ge25519_precomp& q) {
  fe25519 t0;
  fe25519_add(r.X, p.Y, p.X);
  fe25519_sub(r.Y, p.Y, p.X);
  fe25519_mul(r.Z, r.X, q.yplusx);
  fe25519_mul(r.Y, r.Y, q.yminusx);
  fe25519_mul(r.T, q.xy2d, p.T);
  fe25519_add(t0, p.Z, p.Z);
  fe25519_sub(r.X, r.Z, r.Y);
  fe25519_add(r.Y, r.Z, r.Y);
  fe25519_add(r.Z, t0, r.T);
  fe25519_sub(r.T, t0, r.T);
}

void msub(ge25519_p1p1& r, const ge25519_p3& p, const ge25519_precomp& q) {
  fe25519 t0;
  fe25519_add(r.X, p.Y, p.X);
  fe25519_sub(r.Y, p.Y, p.X);
  fe25519_mul(r.Z, r.X, q.yminusx);
  fe25519_mul(r.Y, r.Y, q.yplusx);
  fe25519_mul(r.T, q.xy2d, p.T);
  fe25519_add(t0, p.Z, p.Z);
  fe25519_sub(r.X, r.Z, r.Y);
  fe25519_add(r.Y, r.Z, r.Y);
  fe25519_sub(r.Z, t0, r.T);
  fe25519_add(r.T, t0, r.T);
}

// r = 2p: libsodium's ge25519_p2_dbl ("dbl-2008-hwcd"), on p's X, Y, Z.
void dbl(ge25519_p1p1& r, const ge25519_p3& p) {
  fe25519 t0;
  fe25519_sq(r.X, p.X);
  fe25519_sq(r.Z, p.Y);
  fe25519_sq2(r.T, p.Z);
  fe25519_add(r.Y, p.X, p.Y);
  fe25519_sq(t0, r.Y);
  fe25519_add(r.Y, r.Z, r.X);
  fe25519_sub(r.Z, r.Z, r.X);
  fe25519_sub(r.X, t0, r.Y);
  fe25519_sub(r.T, r.T, r.Z);
}

void identity(ge25519_p3& p) {
  fe25519_0(p.X);
  fe25519_1(p.Y);
  fe25519_1(p.Z);
  fe25519_0(p.T);
}

// Signed radix-2^w digits of a little-endian scalar below 2^253: each digit is
// in [-2^(w-1), 2^(w-1)] and sum(d_i * 2^(w*i)) equals the scalar.
void recode(const std::uint8_t* scalar, signed char (&digits)[kWindows]) {
  int carry = 0;
  for (int i = 0; i < kWindows; ++i) {
    const int bit = i * kWindowBits;
    const int byte = bit / 8;
    unsigned word = scalar[byte];
    if (byte + 1 < 32) word |= static_cast<unsigned>(scalar[byte + 1]) << 8;
    const int value = static_cast<int>((word >> (bit % 8)) & ((1u << kWindowBits) - 1)) + carry;
    carry = value >= kEntries ? 1 : 0;
    digits[i] = static_cast<signed char>(value - (carry << kWindowBits));
  }
}

void add_digit(ge25519_p3& accumulator, const ge25519_precomp (&window)[kEntries], signed char digit) {
  if (digit == 0) return;
  ge25519_p1p1 sum;
  if (digit > 0) {
    madd(sum, accumulator, window[digit - 1]);
  } else {
    msub(sum, accumulator, window[-digit - 1]);
  }
  ge25519_p1p1_to_p3(&accumulator, &sum);
}

// Fills `table` from `point`: window i holds k * 32^i * point, computed in
// extended coordinates and then made affine with one shared inversion
// (Montgomery's trick) instead of one inversion per entry.
bool fill(FixedBaseTable& table, const ge25519_p3& point) {
  constexpr int kCount = kWindows * kEntries;
  std::unique_ptr<ge25519_p3[]> multiples(new (std::nothrow) ge25519_p3[kCount]);
  std::unique_ptr<fe25519[]> products(new (std::nothrow) fe25519[kCount]);
  if (!multiples || !products) return false;

  ge25519_p3 window_base = point;
  for (int i = 0; i < kWindows; ++i) {
    ge25519_p3* row = &multiples[i * kEntries];
    ge25519_cached base_cached;
    ge25519_p3_to_cached(&base_cached, &window_base);
    row[0] = window_base;
    ge25519_p1p1 sum;
    for (int k = 1; k < kEntries; ++k) {
      ge25519_add(&sum, &row[k - 1], &base_cached);
      ge25519_p1p1_to_p3(&row[k], &sum);
    }
    dbl(sum, row[kEntries - 1]);  // 2 * 16 * base = 32 * base
    ge25519_p1p1_to_p3(&window_base, &sum);
  }

  fe25519_copy(products[0], multiples[0].Z);
  for (int n = 1; n < kCount; ++n) fe25519_mul(products[n], products[n - 1], multiples[n].Z);
  fe25519 inverse;  // of the product of every Z up to n
  fe25519_invert(inverse, products[kCount - 1]);
  for (int n = kCount - 1; n >= 0; --n) {
    fe25519 z_inverse, x, y, xy;
    if (n > 0) {
      fe25519_mul(z_inverse, inverse, products[n - 1]);
      fe25519_mul(inverse, inverse, multiples[n].Z);
    } else {
      fe25519_copy(z_inverse, inverse);
    }
    fe25519_mul(x, multiples[n].X, z_inverse);
    fe25519_mul(y, multiples[n].Y, z_inverse);
    ge25519_precomp& entry = table.entries[n / kEntries][n % kEntries];
    fe25519_add(entry.yplusx, y, x);
    fe25519_sub(entry.yminusx, y, x);
    fe25519_mul(xy, x, y);
    fe25519_mul(entry.xy2d, xy, twice_d());
  }
  return true;
}

// B's table, built on first use and kept for the life of the module; null
// only if memory ran out (then no key table is built either).
const FixedBaseTable* base_table() {
  static const FixedBaseTable* table = []() -> const FixedBaseTable* {
    // The standard encoding of B: y = 4/5, x positive.
    unsigned char encoded[32];
    encoded[0] = 0x58;
    for (int i = 1; i < 32; ++i) encoded[i] = 0x66;
    ge25519_p3 base;
    std::unique_ptr<FixedBaseTable> built(new (std::nothrow) FixedBaseTable);
    if (!built || ge25519_frombytes(&base, encoded) != 0 || !fill(*built, base)) return nullptr;
    return built.release();
  }();
  return table;
}

}  // namespace

std::size_t fixed_base_table_bytes() { return sizeof(FixedBaseTable); }

FixedBaseTable* build_key_table(const std::uint8_t* key) {
  // The key checks of crypto_sign_verify_detached, made once here.
  if (ge25519_is_canonical(key) == 0 || ge25519_has_small_order(key) != 0) return nullptr;
  ge25519_p3 negated;
  if (ge25519_frombytes_negate_vartime(&negated, key) != 0) return nullptr;
  if (base_table() == nullptr) return nullptr;
  std::unique_ptr<FixedBaseTable> table(new (std::nothrow) FixedBaseTable);
  if (!table || !fill(*table, negated)) return nullptr;
  return table.release();
}

void destroy_table(FixedBaseTable* table) { delete table; }

bool verify_with_table(const FixedBaseTable& negated_key_table, const std::uint8_t* key,
                       const std::uint8_t* message, std::size_t message_size, const std::uint8_t* signature) {
  const std::uint8_t* r = signature;
  const std::uint8_t* s = signature + 32;
  if (sc25519_is_canonical(s) == 0 || ge25519_has_small_order(r) != 0) return false;

  unsigned char h[64];
  crypto_hash_sha512_state hash;
  crypto_hash_sha512_init(&hash);
  crypto_hash_sha512_update(&hash, r, 32);
  crypto_hash_sha512_update(&hash, key, 32);
  crypto_hash_sha512_update(&hash, message, message_size);
  crypto_hash_sha512_final(&hash, h);
  sc25519_reduce(h);

  signed char h_digits[kWindows], s_digits[kWindows];
  recode(h, h_digits);
  recode(s, s_digits);
  const FixedBaseTable& base = *base_table();  // exists: key tables are built only after it
  ge25519_p3 sum;
  identity(sum);
  for (int i = 0; i < kWindows; ++i) {
    add_digit(sum, negated_key_table.entries[i], h_digits[i]);
    add_digit(sum, base.entries[i], s_digits[i]);
  }
  unsigned char r_check[32];
  ge25519_p3_tobytes(r_check, &sum);
  return crypto_verify_32(r_check, r) == 0;
}

}  // namespace edjwt::ed25519
