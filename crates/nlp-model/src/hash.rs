//! The two hash functions spaCy/thinc use: MurmurHash64A (string ids) and
//! MurmurHash3_x64_128 over an 8-byte key (HashEmbed row selection).

/// MurmurHash64A of `data` with `seed` (Austin Appleby's 64-bit MurmurHash2).
pub fn murmur64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (data.len() as u64).wrapping_mul(M);
    let mut chunks = data.chunks_exact(8);
    for block in &mut chunks {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(block);
        let mut k = u64::from_le_bytes(buf);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        for (j, &byte) in tail.iter().enumerate().rev() {
            h ^= u64::from(byte) << (8 * j);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// thinc's `hash` kernel: MurmurHash3_x64_128 of the 8 little-endian bytes of `key`,
/// returned as four uint32 values.
pub fn murmur3_u64(key: u64, seed: u32) -> [u32; 4] {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    let mut h1 = u64::from(seed);
    let mut h2 = u64::from(seed);
    let mut k1 = key.wrapping_mul(C1);
    k1 = k1.rotate_left(31);
    k1 = k1.wrapping_mul(C2);
    h1 ^= k1;
    h1 ^= 8;
    h2 ^= 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_hash_matches_spacy() {
        assert_eq!(murmur64a(b"the", 1), 7425985699627899538);
    }

    #[test]
    fn embed_hash_matches_thinc() {
        assert_eq!(
            murmur3_u64(7425985699627899538, 8),
            [2332737498, 1315472909, 1351622599, 1973209364]
        );
    }
}
