//! 文件类型 — the media type is read from the content (magic bytes), never taken from the
//! name; the name only tells apart formats that share a container (docx/xlsx are both zip).
//! Which types are never launched and which are images is decided in `model::file_kind`.

use std::path::Path;

/// The media type of content starting with `head`; `name` only refines a zip or OLE container.
pub fn sniff(head: &[u8], name: &str) -> &'static str {
    let ext = extension(name);
    let starts = |magic: &[u8]| head.starts_with(magic);
    match () {
        _ if starts(b"\xFF\xD8\xFF") => "image/jpeg",
        _ if starts(b"\x89PNG\r\n\x1a\n") => "image/png",
        _ if starts(b"GIF87a") || starts(b"GIF89a") => "image/gif",
        _ if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") => "image/webp",
        _ if starts(b"II*\0") || starts(b"MM\0*") => "image/tiff",
        _ if starts(b"BM") && head.len() >= 14 => "image/bmp",
        _ if head.get(4..8) == Some(b"ftyp") => iso_media(head),
        _ if starts(b"%PDF-") => "application/pdf",
        _ if starts(b"PK\x03\x04") => zip_family(&ext),
        _ if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") => ole_family(&ext),
        _ if starts(b"MZ") => "application/x-msdownload",
        _ if starts(b"\x7FELF") => "application/x-executable",
        _ if is_mach_o(head) => "application/x-mach-binary",
        _ if starts(b"#!") => "text/x-shellscript",
        _ if starts(b"{\\rtf") => "application/rtf",
        _ if looks_like_text(head) => "text/plain",
        _ => "application/octet-stream",
    }
}

fn extension(name: &str) -> String {
    Path::new(name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}

fn iso_media(head: &[u8]) -> &'static str {
    match head.get(8..12) {
        Some(b"heic" | b"heix" | b"mif1" | b"msf1") => "image/heic",
        Some(b"qt  ") => "video/quicktime",
        _ => "video/mp4",
    }
}

fn zip_family(ext: &str) -> &'static str {
    match ext {
        "docx" | "docm" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" | "xlsm" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" | "pptm" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "ofd" => "application/ofd",
        "jar" => "application/java-archive",
        _ => "application/zip",
    }
}

fn ole_family(ext: &str) -> &'static str {
    match ext {
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "ppt" => "application/vnd.ms-powerpoint",
        "msi" => "application/x-msi",
        _ => "application/x-ole-storage",
    }
}

fn is_mach_o(head: &[u8]) -> bool {
    let magics: [&[u8]; 4] =
        [b"\xFE\xED\xFA\xCE", b"\xFE\xED\xFA\xCF", b"\xCE\xFA\xED\xFE", b"\xCF\xFA\xED\xFE"];
    magics.iter().any(|m| head.starts_with(m))
}

/// UTF-8 (or GBK-looking) text without NULs or control characters other than whitespace.
fn looks_like_text(head: &[u8]) -> bool {
    !head.is_empty() && !head.iter().any(|&b| b == 0 || (b < 0x20 && !b"\t\n\r\x0c".contains(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::never_launch;

    #[test]
    fn content_wins_over_the_name() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest", "报告.pdf"), "image/jpeg");
        assert_eq!(sniff(b"%PDF-1.7\n", "现场.jpg"), "application/pdf");
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....", "x"), "image/png");
        assert_eq!(sniff(b"PK\x03\x04....", "整改通知.docx"), zip_family("docx"));
        assert_eq!(sniff(b"PK\x03\x04....", "整改通知.jpg"), "application/zip");
        assert_eq!(sniff("检查记录\n".as_bytes(), "a.bin"), "text/plain");
        assert_eq!(sniff(b"\x00\x01\x02", "a.txt"), "application/octet-stream");
        assert_eq!(sniff(b"\0\0\0\x18ftypheic", "IMG_1.HEIC"), "image/heic");
    }

    #[test]
    fn executables_are_never_launched_by_content_or_by_name() {
        for (head, name) in [
            (&b"MZ\x90\0"[..], "照片.jpg"),
            (b"\x7FELF\x02", "readme"),
            (b"#!/bin/sh\nrm -rf ~", "notes.txt"),
            (b"\xCF\xFA\xED\xFE", "a"),
        ] {
            let t = sniff(head, name);
            assert!(never_launch(t, name), "{name}: {t}");
        }
        for name in ["setup.EXE", "run.bat", "x.cmd", "a.js", "b.vbs", "c.ps1", "d.msi", "e.sh", "f.lnk"] {
            assert!(never_launch("text/plain", name), "{name}");
        }
        assert!(!never_launch("image/jpeg", "现场照片.jpg"));
        assert!(!never_launch("application/pdf", "整改通知书.pdf"));
        assert!(!never_launch("text/plain", "没有扩展名"));
    }
}
