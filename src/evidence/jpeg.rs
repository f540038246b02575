//! Whether a JPEG is whole. The JPEG decoder is lenient: given a file cut short it paints the
//! missing part grey and reports success. Walking the marker structure to its EOI tells a
//! complete file (data after EOI, e.g. a motion photo's video, is fine) from a truncated one.

/// Follows the segments from SOI through every scan; true only if EOI is reached.
pub fn is_complete(b: &[u8]) -> bool {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    loop {
        if b.get(i) != Some(&0xFF) {
            return false;
        }
        while b.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&marker) = b.get(i) else { return false };
        i += 1;
        match marker {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => continue,
            _ => {
                let Some(len) = b.get(i..i + 2).map(|l| usize::from(u16::from_be_bytes([l[0], l[1]]))) else {
                    return false;
                };
                if len < 2 {
                    return false;
                }
                i += len;
                if marker == 0xDA {
                    match skip_entropy_coded(b, i) {
                        Some(next) => i = next,
                        None => return false,
                    }
                }
            }
        }
    }
}

/// The index of the marker that ends the scan data starting at `i`.
fn skip_entropy_coded(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        let j = i + b.get(i..)?.iter().position(|&x| x == 0xFF)?;
        match *b.get(j + 1)? {
            // A stuffed zero, a restart marker, or fill: still inside the scan.
            0x00 | 0xD0..=0xD7 | 0xFF => i = j + 1 + usize::from(b[j + 1] != 0xFF),
            _ => return Some(j),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg() -> Vec<u8> {
        let img = image::RgbImage::from_fn(64, 40, |x, y| image::Rgb([x as u8 * 4, y as u8 * 6, 90]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
        out.into_inner()
    }

    #[test]
    fn whole_files_pass_and_cut_ones_do_not() {
        let whole = jpeg();
        assert!(is_complete(&whole));
        let mut trailer = whole.clone();
        trailer.extend_from_slice(b"\0\0\0\x18ftypmp42 motion photo video");
        assert!(is_complete(&trailer), "data after EOI is allowed");
        for cut in [whole.len() - 2, whole.len() / 2, 200, 3, 0] {
            assert!(!is_complete(&whole[..cut]), "cut at {cut}");
        }
        assert!(!is_complete(b"\xFF\xD8\xFF\xC0\x00\x01"), "a length shorter than itself");
    }
}
