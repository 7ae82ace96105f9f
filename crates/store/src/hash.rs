//! Content hashes (idempotent ingest) and MinHash signatures over word shingles
//! (near-duplicate detection with locality-sensitive hashing).

/// Number of MinHash permutations.
pub const PERMUTATIONS: usize = 120;
/// LSH bands; `PERMUTATIONS / BANDS` rows per band. 20 bands × 6 rows puts the LSH
/// candidate threshold near a Jaccard similarity of 0.6, below the default cut-off of 0.7.
pub const BANDS: usize = 20;
const ROWS: usize = PERMUTATIONS / BANDS;
/// Words per shingle.
const SHINGLE: usize = 4;

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    splitmix(h)
}

/// 64-bit hash of a sequence of fields (0-separated), stable across runs and platforms.
pub fn fields_hash(fields: &[&str]) -> u64 {
    let mut buf = Vec::new();
    for f in fields {
        buf.extend_from_slice(f.as_bytes());
        buf.push(0);
    }
    fnv1a(3, &buf)
}

/// 128-bit hash (hex) of what makes an article the same article: URL, title and body.
/// Re-ingesting the same file from another path gives the same hash; a copy published at
/// another URL does not (it becomes a near-duplicate instead).
pub fn content_hash(url: Option<&str>, title: Option<&str>, body: &str) -> String {
    let mut buf = Vec::with_capacity(body.len() + 256);
    buf.extend_from_slice(url.unwrap_or("").as_bytes());
    buf.push(0);
    buf.extend_from_slice(title.unwrap_or("").as_bytes());
    buf.push(0);
    buf.extend_from_slice(body.as_bytes());
    format!("{:016x}{:016x}", fnv1a(1, &buf), fnv1a(2, &buf))
}

/// Hashes of the lower-cased word 4-grams of `text` (one shingle for shorter texts).
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let n = SHINGLE.min(words.len());
    let mut out: Vec<u64> = words
        .windows(n)
        .map(|w| fnv1a(0, w.join(" ").as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// MinHash signature of a shingle set; None when there is nothing to hash.
pub fn minhash(shingles: &[u64]) -> Option<Vec<u32>> {
    if shingles.is_empty() {
        return None;
    }
    let mut sig = vec![u32::MAX; PERMUTATIONS];
    for &s in shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = (splitmix(s ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407)) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

/// One hash per LSH band; two signatures sharing a band hash are candidates.
pub fn band_hashes(sig: &[u32]) -> Vec<i64> {
    sig.chunks(ROWS)
        .take(BANDS)
        .enumerate()
        .map(|(band, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
            // SQLite integers are signed; keep the full 64 bits.
            fnv1a(band as u64, &bytes) as i64
        })
        .collect()
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

/// Signature as stored (little-endian u32s).
pub fn to_blob(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|x| x.to_le_bytes()).collect()
}

pub fn from_blob(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Iranian Defense Minister Hossein Dehghan met his Syrian counterpart in Tehran on \
        Thursday to discuss military cooperation between the two countries. The ministers agreed to \
        expand joint training and intelligence sharing, state media reported. Russia's defence minister \
        is expected to join talks later this month, officials said. The meeting comes as fighting \
        continues around Aleppo, where government forces backed by Russian air strikes have advanced.";

    #[test]
    fn content_hash_is_stable_and_sensitive() {
        let a = content_hash(Some("u"), Some("t"), "body");
        assert_eq!(a, content_hash(Some("u"), Some("t"), "body"));
        assert_eq!(a.len(), 32);
        assert_ne!(a, content_hash(Some("u2"), Some("t"), "body"));
        assert_ne!(a, content_hash(Some("u"), Some("t"), "body."));
        // field boundaries matter
        assert_ne!(
            content_hash(Some("ab"), None, "c"),
            content_hash(Some("a"), None, "bc")
        );
    }

    #[test]
    fn near_duplicates_are_similar_and_different_texts_are_not() {
        let a = minhash(&shingles(STORY)).unwrap();
        let edited = STORY.replace("state media reported", "the agency said");
        let b = minhash(&shingles(&edited)).unwrap();
        let trimmed = STORY
            .rsplit_once(" The meeting")
            .map(|x| x.0)
            .unwrap_or(STORY);
        let c = minhash(&shingles(trimmed)).unwrap();
        let other = minhash(&shingles(
            "Heavy rain flooded the city centre on Monday and closed several schools, the mayor said, \
             while forecasters warned of more storms moving in from the coast later in the week.",
        ))
        .unwrap();
        assert!(similarity(&a, &b) > 0.7, "{}", similarity(&a, &b));
        assert!(similarity(&a, &c) > 0.7, "{}", similarity(&a, &c));
        assert!(similarity(&a, &other) < 0.2);
        assert_eq!(similarity(&a, &a), 1.0);
        // identical signatures share every band
        assert_eq!(band_hashes(&a), band_hashes(&a));
        assert_eq!(band_hashes(&a).len(), BANDS);
        assert_eq!(from_blob(&to_blob(&a)), a);
    }

    #[test]
    fn empty_text_has_no_signature() {
        assert!(minhash(&shingles("  ... ")).is_none());
        assert_eq!(shingles("one two").len(), 1);
    }
}
