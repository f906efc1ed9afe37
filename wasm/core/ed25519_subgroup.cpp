// Prime-order subgroup membership by point halving. See ed25519_subgroup.hpp.
//
// The group of edwards25519 is cyclic of order 8L, so a point's order divides
// L exactly when it is eight times another point: when it can be halved three
// times. Halving is done on the isomorphic curve u·w² = u² + A·u + B, with
// u = (a − d)(1 + y)/(1 − y), w = 2/x, A = 2(a + d), B = (a − d)², where
// doubling is two 2-isogenies (Vélu's formulas over the 2-torsion point
// (0, 0)) followed by an isomorphism; inverting each isogeny takes one square
// root, and a point is a double exactly when those roots exist. The third
// halving needs only to know that it exists: one quadratic-character test.
// The method is T. Pornin's ("Point-halving and subgroup membership in
// twisted Edwards curves", IACR ePrint 2022/1164); this is written from it over
// libsodium's field arithmetic (sodium_ref10.hpp). Five exponentiations in
// all, against the 252 doublings of multiplying by L (libsodium's
// ge25519_is_on_main_subgroup).
//
// Everything here is public (a key), so nothing needs to be constant-time.
// To stay free of divisions the point is carried over the isomorphic curves
// (u, w) ↦ (u·e², w·e) for a running e ≠ 0. Small-order points, where the
// formulas meet zeros, are refused before the halving, as libsodium does.
#include "ed25519_subgroup.hpp"

#include "sodium_ref10.hpp"

namespace edjwt::ed25519 {
namespace {

// libsodium's field multiplication and squaring are static inline, about
// 1 KB of wasm each; this file calls them through one copy of each, which
// costs a call per operation and keeps the module 2 KB smaller (gzip).
[[gnu::noinline]] void mul(fe25519 h, const fe25519 f, const fe25519 g) { fe25519_mul(h, f, g); }
[[gnu::noinline]] void sq(fe25519 h, const fe25519 f) { fe25519_sq(h, f); }

void square_times(fe25519 out, const fe25519 in, int times) {
  sq(out, in);
  for (int i = 1; i < times; ++i) sq(out, out);
}

// z^((p − 5)/8) = z^(2^252 − 3), by ref10's addition chain (libsodium keeps
// its own copy static).
void pow_p58(fe25519 out, const fe25519 z) {
  fe25519 t0, t1, t2;
  sq(t0, z);
  square_times(t1, t0, 2);
  mul(t1, z, t1);
  mul(t0, t0, t1);
  sq(t0, t0);
  mul(t0, t1, t0);
  square_times(t1, t0, 5);
  mul(t0, t1, t0);
  square_times(t1, t0, 10);
  mul(t1, t1, t0);
  square_times(t2, t1, 20);
  mul(t1, t2, t1);
  square_times(t1, t1, 10);
  mul(t0, t1, t0);
  square_times(t1, t0, 50);
  mul(t1, t1, t0);
  square_times(t2, t1, 100);
  mul(t1, t2, t1);
  square_times(t1, t1, 50);
  mul(t0, t1, t0);
  square_times(t0, t0, 2);
  mul(out, t0, z);
}

bool equal(const fe25519 f, const fe25519 g) {
  fe25519 difference;
  fe25519_sub(difference, f, g);
  return fe25519_iszero(difference) != 0;
}

void small(fe25519 out, std::uint32_t n) {
  fe25519 one;
  fe25519_1(one);
  fe25519_scalar_product(out, one, n);
}

struct Constants {
  fe25519 sqrt_m1, one_plus_sqrt_m1, half;
  fe25519 a_minus_d, a0, ap0;  // a − d; A = 2(a + d); A' = −2A
  fe25519 sqrt_2bp0;           // √(2B') with B' = A² − 4B
};

bool root_of_u_or_2u(fe25519 root, const fe25519 u, const Constants& k);

Constants make_constants() {
  Constants k;
  fe25519 one, two, d, t;
  fe25519_1(one);
  small(two, 2);
  pow_p58(t, two);  // √−1 = 2^((p − 1)/4) = (2^((p − 5)/8))² · 2
  sq(t, t);
  mul(k.sqrt_m1, t, two);
  fe25519_add(k.one_plus_sqrt_m1, one, k.sqrt_m1);
  fe25519_invert(k.half, two);
  small(t, 121666);  // d = −121665/121666
  fe25519_invert(t, t);
  small(d, 121665);
  mul(d, d, t);
  fe25519_neg(d, d);
  fe25519_neg(t, one);  // a = −1
  fe25519_sub(k.a_minus_d, t, d);
  fe25519_add(t, t, d);
  fe25519_scalar_product(k.a0, t, 2);
  fe25519_scalar_product(t, k.a0, 2);
  fe25519_neg(k.ap0, t);
  fe25519 b0, bp0;
  sq(b0, k.a_minus_d);
  fe25519_scalar_product(b0, b0, 4);
  sq(bp0, k.a0);
  fe25519_sub(bp0, bp0, b0);
  fe25519_scalar_product(bp0, bp0, 2);
  root_of_u_or_2u(k.sqrt_2bp0, bp0, k);  // 2B' is a square: the first branch always
  return k;
}

const Constants& constants() {
  static const Constants k = make_constants();
  return k;
}

// A square root of u when u is a square (returns true); otherwise a square
// root of 2u, a square then since 2 is not one (p ≡ 5 mod 8). One
// exponentiation either way: c = u^((p + 3)/8) has c² = ±u when u is a
// square and c² = ±√−1·u when not, and (c·(1 + √−1))² = 2√−1·c².
bool root_of_u_or_2u(fe25519 root, const fe25519 u, const Constants& k) {
  fe25519 c, c2, t;
  pow_p58(c, u);
  mul(c, c, u);
  sq(c2, c);
  if (equal(c2, u)) {
    fe25519_copy(root, c);
    return true;
  }
  fe25519_neg(t, u);
  if (equal(c2, t)) {
    mul(root, c, k.sqrt_m1);
    return true;
  }
  mul(root, c, k.one_plus_sqrt_m1);  // a root of 2u or of −2u
  sq(c2, root);
  fe25519_scalar_product(t, u, 2);
  if (!equal(c2, t)) mul(root, root, k.sqrt_m1);
  return false;
}

// (f − g·h − i·j)/2, the shape both coordinate updates take.
void half_of_difference(fe25519 out, const fe25519 f, const fe25519 g, const fe25519 h, const fe25519 i,
                        const fe25519 j, const Constants& k) {
  fe25519 gh, ij;
  mul(gh, g, h);
  mul(ij, i, j);
  fe25519_add(gh, gh, ij);
  fe25519_sub(out, f, gh);
  mul(out, out, k.half);
}

}  // namespace

bool is_prime_order_point(const std::uint8_t* key) {
  if (ge25519_has_small_order(key) != 0) return false;
  ge25519_p3 point;
  if (ge25519_frombytes(&point, key) != 0) return false;  // no x for this y: not on the curve
  const Constants& k = constants();

  // ge25519_frombytes leaves Z = 1, so X and Y are the affine x and y.
  // With e = x(1 − y): u = (a − d)(1 + y)·x·e, w = 2(1 − y).
  fe25519 one, one_minus_y, e, u, w;
  fe25519_1(one);
  fe25519_sub(one_minus_y, one, point.Y);
  mul(e, point.X, one_minus_y);
  fe25519_add(u, one, point.Y);
  mul(u, u, point.X);
  mul(u, u, e);
  mul(u, u, k.a_minus_d);
  fe25519_scalar_product(w, one_minus_y, 2);

  for (int halving = 0; halving < 2; ++halving) {
    // Undo the isomorphism, then the second isogeny: its preimage exists
    // only when 4u is a square.
    fe25519 us, ws, wp, up, e2, root;
    fe25519_scalar_product(us, u, 4);
    fe25519_scalar_product(ws, w, 2);
    if (!root_of_u_or_2u(wp, us, k)) return false;
    sq(e2, e);
    half_of_difference(up, us, k.ap0, e2, wp, ws, k);
    // Undo the first isogeny from (up, wp), or from its twin (B'/up, −wp)
    // when up is not a square (exactly one of them is: B' is not a square),
    // moving to the isomorphic curve with e' = e·√(2up) so no division is needed.
    const bool up_is_square = root_of_u_or_2u(root, up, k);
    if (up_is_square) {
      fe25519_copy(w, root);
    } else {
      mul(wp, wp, root);
      mul(w, k.sqrt_2bp0, e2);
      mul(e, e, root);
      sq(e2, e);
    }
    fe25519 w2;
    sq(w2, w);
    half_of_difference(u, w2, k.a0, e2, w, wp, k);
    if (!up_is_square) fe25519_neg(w, w);
  }
  fe25519 unused_root;
  return root_of_u_or_2u(unused_root, u, k);  // a third halving exists
}

}  // namespace edjwt::ed25519
