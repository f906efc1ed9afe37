// Keys are refused at import unless they are points of prime order, with the
// verdict of an independent implementation (@noble/ed25519: multiplication by
// the group order) for prime-order points with each torsion component added,
// and for every small-order point. The wasm's test is point halving
// (wasm/core/ed25519_subgroup.cpp), so the two share no arithmetic.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { Point } from '@noble/ed25519';
import { errors, importJWK } from 'edjwt';

const ORDER_8 = Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
const TORSION = Array.from({ length: 8 }, (_, j) => (j === 0 ? Point.ZERO : ORDER_8.multiply(BigInt(j), false)));
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

const jwkOf = (point) => ({ kty: 'OKP', crv: 'Ed25519', x: Buffer.from(point.toBytes()).toString('base64url') });

async function imports(point) {
  try {
    await importJWK(jwkOf(point), 'EdDSA');
    return true;
  } catch (error) {
    assert.ok(error instanceof errors.JWKInvalid, `refused as JWKInvalid, not ${error}`);
    return false;
  }
}

test('the torsion generator has order eight', () => {
  assert.ok(ORDER_8.multiply(8n, false).is0());
  assert.ok(!ORDER_8.multiply(4n, false).is0());
});

test('a prime-order key imports and the same key plus any torsion point is refused', async () => {
  for (let i = 0; i < 150; i++) {
    const scalar = (BigInt(`0x${randomBytes(32).toString('hex')}`) % (L - 1n)) + 1n;
    const point = Point.BASE.multiply(scalar);
    for (const [j, torsion] of TORSION.entries()) {
      const key = point.add(torsion);
      const expected = key.isTorsionFree() && !key.isSmallOrder();
      assert.equal(expected, j === 0, 'the oracle agrees with the construction');
      assert.equal(await imports(key), expected, `point ${i} + torsion ${j}`);
    }
  }
});

test('every small-order key is refused', async () => {
  for (const point of TORSION) assert.equal(await imports(point), false);
});
