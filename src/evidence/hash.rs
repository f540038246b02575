//! 内容指纹 — a blob's SHA-256, and the one streaming loop that copies while hashing.

use std::fmt;
use std::io::{Read, Write};

use sha2::{Digest, Sha256};

/// The copy buffer: every read and write of evidence content goes through one buffer of this
/// size, so memory stays flat whatever the file size (a 2 GB video costs 256 KiB).
pub const COPY_BUFFER: usize = 256 * 1024;

/// How many leading bytes are kept for content sniffing.
pub const HEAD_LEN: usize = 512;

/// A SHA-256 digest as 64 lowercase hex digits: the blob's name in the store.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlobHash(String);

impl BlobHash {
    /// Accepts exactly 64 lowercase hex digits (a file name found on disk, a database value).
    pub fn parse(s: &str) -> Option<BlobHash> {
        let ok = s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        ok.then(|| BlobHash(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn from_digest(digest: &[u8]) -> BlobHash {
        BlobHash(digest.iter().map(|b| format!("{b:02x}")).collect())
    }
}

impl fmt::Display for BlobHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What one pass over a stream saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digested {
    pub hash: BlobHash,
    pub size: u64,
    /// The first [`HEAD_LEN`] bytes (fewer for a short stream), for sniffing.
    pub head: Vec<u8>,
}

/// Which side of a copy failed, so the error can name the right file.
#[derive(Debug)]
pub enum CopyError {
    Read(std::io::Error),
    Write(std::io::Error),
}

/// Streams `from` into `to` through one fixed buffer, hashing as it goes.
pub fn copy_hashing(from: &mut dyn Read, to: &mut dyn Write) -> Result<Digested, CopyError> {
    let mut buf = vec![0u8; COPY_BUFFER];
    let mut hasher = Sha256::new();
    let (mut size, mut head) = (0u64, Vec::with_capacity(HEAD_LEN));
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(CopyError::Read(e)),
        };
        let chunk = &buf[..n];
        hasher.update(chunk);
        to.write_all(chunk).map_err(CopyError::Write)?;
        let room = HEAD_LEN.saturating_sub(head.len());
        head.extend_from_slice(&chunk[..room.min(n)]);
        size += n as u64;
    }
    Ok(Digested { hash: BlobHash::from_digest(&hasher.finalize()), size, head })
}

/// Hashes a stream without keeping it.
pub fn hash_stream(from: &mut dyn Read) -> std::io::Result<Digested> {
    copy_hashing(from, &mut std::io::sink()).map_err(|e| match e {
        CopyError::Read(e) | CopyError::Write(e) => e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct FailingWriter {
        allowed: usize,
    }

    impl Write for FailingWriter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.allowed < buf.len() {
                return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
            }
            self.allowed -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn hashes_known_content_and_keeps_the_head() {
        let d = hash_stream(&mut &b"abc"[..]).unwrap();
        assert_eq!(d.hash.as_str(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!((d.size, d.head.as_slice()), (3, &b"abc"[..]));
        let long = vec![7u8; COPY_BUFFER * 3 + 5];
        let d = hash_stream(&mut long.as_slice()).unwrap();
        assert_eq!((d.size, d.head.len()), (long.len() as u64, HEAD_LEN));
    }

    #[test]
    fn a_full_disk_is_a_write_error() {
        let data = vec![1u8; COPY_BUFFER * 2];
        let err =
            copy_hashing(&mut data.as_slice(), &mut FailingWriter { allowed: COPY_BUFFER }).unwrap_err();
        assert!(matches!(err, CopyError::Write(e) if e.kind() == std::io::ErrorKind::StorageFull));
    }

    #[test]
    fn parses_only_proper_hashes() {
        assert!(BlobHash::parse(&"a".repeat(64)).is_some());
        assert!(BlobHash::parse(&"A".repeat(64)).is_none());
        assert!(BlobHash::parse(&"a".repeat(63)).is_none());
        assert!(BlobHash::parse(&format!("{}/", "a".repeat(63))).is_none());
    }
}
