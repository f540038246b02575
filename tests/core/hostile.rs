//! A catalogue of hostile inputs, each fed through every way a file enters duban: imported as a
//! notice (`read_notice_file`, and `decode_bytes` on the same bytes, → `parse_notice` →
//! `Store::import_notice`) and attached as evidence (`attach_file`, then its thumbnail, the
//! decoder on its own, and the copy handed to a viewer). Each case states its outcome: refused
//! with a Chinese message — and then the database dump and the data directory are unchanged —
//! or accepted: stored, and a preview that cannot be made says 无法预览. One panicking case
//! fails the test with its name; the others still run.

use std::ffi::OsString;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use duban::evidence::{
    BlobState, BlobStore, THUMB_SIZE, ThumbCache, attach_file, make_thumbnail, viewing_copy,
};
use duban::model::{DirectiveId, NoticeId, PhotoMeta};
use duban::notice::{
    MAX_DOCX_BYTES, MAX_PART_BYTES, candidate_decodings, decode_bytes, decode_with, parse_notice,
    read_notice_file,
};
use duban::store::{Actor, Store};
use encoding_rs::GB18030;

use crate::support::{Data, dump, jpeg, png, png_claiming, with_exif};

const D2: DirectiveId = DirectiveId(2);
const DAY: &str = "2026-11-28";

fn day() -> NaiveDate {
    DAY.parse().expect("date")
}

fn now() -> NaiveDateTime {
    day().and_hms_opt(9, 30, 0).expect("time")
}

fn actor() -> Actor<'static> {
    Actor { author: "张伟", at: now() }
}

/// A small notice the parser reads as two directives.
const NOTICE: &str = "关于加强冬季火灾防控工作的通知\n各支队、机关各处室：\n\
    一、开展夜查行动。（责任单位：防火监督处）\n二、加强值班值守。（责任单位：指挥中心）\n";

/// How a case's input is made inside a scratch folder.
enum Input {
    File {
        name: OsString,
        bytes: Vec<u8>,
    },
    /// `head`, then a hole up to `len` bytes (takes no disk space).
    Sparse {
        name: &'static str,
        head: &'static [u8],
        len: u64,
    },
    Folder(&'static str),
    /// `<folder>/..`: a path whose last component is `..`.
    ParentOf(&'static str),
    Missing(&'static str),
    /// A symbolic link to something outside the scratch folder.
    Link {
        name: &'static str,
        target: &'static str,
    },
}

fn file(name: &str, bytes: impl Into<Vec<u8>>) -> Input {
    Input::File { name: name.into(), bytes: bytes.into() }
}

impl Input {
    fn create(&self, dir: &Path) -> PathBuf {
        match self {
            Input::File { name, bytes } => {
                let path = dir.join(name);
                std::fs::write(&path, bytes).expect("write input");
                path
            }
            Input::Sparse { name, head, len } => {
                let path = dir.join(name);
                let mut f = std::fs::File::create(&path).expect("create");
                f.write_all(head).expect("head");
                f.set_len(*len).expect("set_len");
                path
            }
            Input::Folder(name) => {
                let path = dir.join(name);
                std::fs::create_dir(&path).expect("folder");
                std::fs::write(path.join("照片.jpg"), jpeg(8, 8, 1)).expect("inside");
                path
            }
            Input::ParentOf(name) => {
                let folder = dir.join(name);
                std::fs::create_dir(&folder).expect("folder");
                folder.join("..")
            }
            Input::Missing(name) => dir.join(name),
            Input::Link { name, target } => {
                let path = dir.join(name);
                #[cfg(unix)]
                std::os::unix::fs::symlink(target, &path).expect("symlink");
                #[cfg(not(unix))]
                unreachable!("{target}: links are made on Unix only");
                path
            }
        }
    }
}

#[derive(Debug)]
enum Import {
    /// Refused; the message contains this.
    Refused(&'static str),
    /// Stored as a notice read in `encoding`, with `directives` directives, one of whose text
    /// contains `contains` (proof the bytes were read as meant).
    Imported { encoding: &'static str, directives: usize, contains: &'static str },
}

#[derive(Debug)]
enum Preview {
    Thumbnail,
    /// No preview; the message starts with 无法预览 and contains this.
    Refused(&'static str),
}

#[derive(Debug)]
enum Attach {
    Refused(&'static str),
    Stored { media: &'static str, preview: Preview, never_launch: bool },
}

struct Case {
    name: &'static str,
    input: Input,
    import: Import,
    attach: Attach,
}

fn stored(media: &'static str, preview: Preview) -> Attach {
    Attach::Stored { media, preview, never_launch: false }
}

const NOT_IMAGE: Preview = Preview::Refused("无法预览：不是可识别的图片格式");
const DAMAGED: Preview = Preview::Refused("无法预览：图片已损坏或不完整");
const NOT_TEXT: Import = Import::Refused("内容不是文本");
const DOCX_MEDIA: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// ---- inputs -------------------------------------------------------------------------------

/// Bytes from a fixed xorshift sequence.
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x2545_F491;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}

/// One zip entry written exactly as given: name bytes verbatim, sizes as declared.
struct RawEntry {
    name: Vec<u8>,
    /// 0 stored, 8 deflated.
    method: u16,
    data: Vec<u8>,
    crc: u32,
    declared: u32,
}

fn stored_entry(name: &str, content: &[u8]) -> RawEntry {
    RawEntry {
        name: name.as_bytes().to_vec(),
        method: 0,
        data: content.to_vec(),
        crc: crc32(content),
        declared: content.len() as u32,
    }
}

/// A zip archive written by hand (the zip writer would clean up hostile names).
fn raw_zip(entries: &[RawEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let common = |buf: &mut Vec<u8>| {
            buf.extend_from_slice(&20u16.to_le_bytes()); // version needed
            buf.extend_from_slice(&0u16.to_le_bytes()); // flags
            buf.extend_from_slice(&e.method.to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // time
            buf.extend_from_slice(&0x21u16.to_le_bytes()); // date: 1980-01-01
            buf.extend_from_slice(&e.crc.to_le_bytes());
            buf.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
            buf.extend_from_slice(&e.declared.to_le_bytes());
            buf.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // extra length
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(&e.name);
        out.extend_from_slice(&e.data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        common(&mut central);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(&e.name);
    }
    let (at, size, n) = (out.len() as u32, central.len() as u32, entries.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn document_xml(paragraphs: &[&str]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    )
}

/// A valid .docx holding [`NOTICE`], with `extra` entries first.
fn docx_with(extra: Vec<RawEntry>) -> Vec<u8> {
    let lines: Vec<&str> = NOTICE.lines().collect();
    let mut entries = extra;
    entries.push(stored_entry("[Content_Types].xml", b"<Types/>"));
    entries.push(stored_entry("word/document.xml", document_xml(&lines).as_bytes()));
    raw_zip(&entries)
}

/// word/document.xml deflated to a few dozen KB that unpack to `mib` MiB: one compressed MiB
/// (ending in a sync flush, so it refers to nothing before it) repeated, then a final empty
/// block. `declared` is the unpacked size the headers claim.
fn bomb(mib: usize, declared: Option<u32>) -> Vec<u8> {
    let (data, crc) = bomb_stream(mib);
    let actual = u32::try_from(mib << 20).expect("fits");
    let entry = RawEntry {
        name: b"word/document.xml".to_vec(),
        method: 8,
        data,
        crc,
        declared: declared.unwrap_or(actual),
    };
    raw_zip(&[stored_entry("[Content_Types].xml", b"<Types/>"), entry])
}

/// The unpacked MiB the bomb repeats.
fn bomb_chunk() -> Vec<u8> {
    let unit = "<w:p><w:r><w:t>火灾隐患排查</w:t></w:r></w:p>".as_bytes();
    unit.iter().copied().cycle().take(1 << 20).collect()
}

/// The raw deflate stream of `mib` copies of [`bomb_chunk`], and their CRC-32.
fn bomb_stream(mib: usize) -> (Vec<u8>, u32) {
    let chunk = bomb_chunk();
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&chunk).expect("deflate");
    encoder.flush().expect("sync flush");
    let piece = std::mem::take(encoder.get_mut());
    let mut data = piece.repeat(mib);
    data.extend_from_slice(&[0x03, 0x00]); // a final, empty, fixed-Huffman block
    let mut crc = flate2::Crc::new();
    for _ in 0..mib {
        crc.update(&chunk);
    }
    (data, crc.sum())
}

/// A TIFF block whose one entry (DateTime, ASCII) claims 2³¹ characters at an offset far
/// past the end, and whose next-IFD offset points back at itself.
fn lying_tiff() -> Vec<u8> {
    let mut t = b"II*\0".to_vec();
    t.extend_from_slice(&8u32.to_le_bytes());
    t.extend_from_slice(&1u16.to_le_bytes());
    t.extend_from_slice(&0x0132u16.to_le_bytes());
    t.extend_from_slice(&2u16.to_le_bytes());
    t.extend_from_slice(&0x8000_0000u32.to_le_bytes());
    t.extend_from_slice(&0xFFFF_FF00u32.to_le_bytes());
    t.extend_from_slice(&8u32.to_le_bytes());
    t
}

/// `jpeg` with an APP1 segment right after SOI whose length field claims 65535 bytes while
/// only a dozen follow before the image's own segments.
fn app1_lying_length(jpeg: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1, 0xFF, 0xFF]);
    out.extend_from_slice(b"Exif\0\0MM\0*\0\0\0\x08");
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

/// A notice whose UTF-8 bytes are also valid GBK (each line was chosen so): read as GBK it
/// is a string of unrelated characters.
const GBK_TOO: &str = "关于高层各支队督导的通知\n1.演练行动防火演练\n2.夜查行动救援整改\n";

/// A notice with characters GB18030 encodes in four bytes (䶮 U+4DAE, 𠀾 U+2003E, 🔥).
const FOUR_BYTE: &str = "关于做好冬季防火工作的通知\n各支队：\n\
    一、由刘䶮同志牵头开展𠀾区夜查🔥行动。（责任单位：防火监督处）\n";

fn catalogue() -> Vec<Case> {
    let photo = jpeg(320, 240, 7);
    let mut truncated = photo[..photo.len() / 3].to_vec();
    truncated.truncate(truncated.len() - truncated.len() % 7);
    let gb18030 = GB18030.encode(FOUR_BYTE).0.into_owned();
    let whole_docx = docx_with(Vec::new());
    let mut cases = vec![
        Case {
            name: "随机字节",
            input: file("随机.bin", random_bytes(4096)),
            import: NOT_TEXT,
            attach: stored("application/octet-stream", NOT_IMAGE),
        },
        Case {
            name: "文本中夹NUL字节",
            input: file("通知.txt", NOTICE.replace("夜查", "夜\0查")),
            import: NOT_TEXT,
            attach: stored("application/octet-stream", NOT_IMAGE),
        },
        Case {
            name: "文本中夹ESC控制序列",
            input: file("通知.txt", NOTICE.replace("夜查", "\u{1b}[31m夜查\u{1b}[0m")),
            import: NOT_TEXT,
            attach: stored("application/octet-stream", NOT_IMAGE),
        },
        Case {
            name: "GBK也是合法UTF-8",
            input: file("通知.txt", GBK_TOO),
            import: Import::Imported {
                encoding: "UTF-8", directives: 2, contains: "夜查行动救援整改"
            },
            attach: stored("text/plain", NOT_IMAGE),
        },
        Case {
            name: "GB18030四字节字符",
            input: file("通知.txt", gb18030),
            import: Import::Imported {
                encoding: "gb18030",
                directives: 1,
                contains: "刘䶮同志牵头开展𠀾区夜查🔥行动",
            },
            attach: stored("text/plain", NOT_IMAGE),
        },
        Case {
            name: "UTF-16LE带BOM",
            input: file("通知.txt", utf16(NOTICE, false)),
            import: Import::Imported { encoding: "UTF-16LE", directives: 2, contains: "开展夜查行动" },
            attach: stored("application/octet-stream", NOT_IMAGE),
        },
        Case {
            name: "UTF-16BE带BOM",
            input: file("通知.txt", utf16(NOTICE, true)),
            import: Import::Imported { encoding: "UTF-16BE", directives: 2, contains: "加强值班值守" },
            attach: stored("application/octet-stream", NOT_IMAGE),
        },
        Case {
            name: "UTF-16含孤立代理项",
            input: file("通知.txt", {
                let mut b = utf16("一、加强检查。", false);
                b.extend_from_slice(&[0x00, 0xD8, b'A', 0]);
                b
            }),
            import: Import::Refused("无法识别文本编码"),
            attach: stored("application/octet-stream", NOT_IMAGE),
        },
        Case {
            name: "只有BOM",
            input: file("通知.txt", b"\xEF\xBB\xBF".to_vec()),
            import: Import::Refused("通知内容为空"),
            attach: stored("text/plain", NOT_IMAGE),
        },
        Case {
            name: "只有空白",
            input: file("通知.txt", " \n\t\u{3000}\r\n  \u{3000}\n"),
            import: Import::Refused("通知内容为空"),
            attach: stored("text/plain", NOT_IMAGE),
        },
        Case {
            name: "只有标题",
            input: file("通知.txt", "关于加强冬季火灾防控工作的通知\n"),
            import: Import::Refused("未找到编号部分"),
            attach: stored("text/plain", NOT_IMAGE),
        },
        Case {
            name: "0字节文件",
            input: file("空.txt", Vec::new()),
            import: Import::Refused("通知内容为空"),
            attach: Attach::Refused("文件为空（0 字节），未添加"),
        },
        Case {
            name: "200MB稀疏文本",
            input: Input::Sparse {
                name: "大.txt", head: "一、加强检查。\n".as_bytes(), len: 200 << 20
            },
            import: Import::Refused("文件过大"),
            attach: stored(
                "application/octet-stream",
                Preview::Refused("无法预览：图片超出解码限制（文件超过 100 MB）"),
            ),
        },
        Case {
            name: "docx压缩炸弹",
            input: file("炸弹.docx", bomb(40, None)),
            import: Import::Refused("文档解压后超过"),
            attach: stored(DOCX_MEDIA, NOT_IMAGE),
        },
        Case {
            name: "docx压缩炸弹谎报大小",
            input: file("炸弹.docx", bomb(40, Some(1000))),
            // The zip reader stops at the declared size: refused before 32 MB are unpacked.
            import: Import::Refused("不是有效的 Word 文档（文件已损坏或不完整）"),
            attach: stored(DOCX_MEDIA, NOT_IMAGE),
        },
        Case {
            name: "docx条目名含../",
            input: file("穿越.docx", docx_with(vec![stored_entry("../../../tmp/evil.xml", b"x")])),
            import: Import::Refused("文档内含不安全的路径（../../../tmp/evil.xml）"),
            attach: stored(DOCX_MEDIA, NOT_IMAGE),
        },
        Case {
            name: "docx条目名含..\\",
            input: file("穿越2.docx", docx_with(vec![stored_entry("word\\..\\..\\evil.xml", b"x")])),
            import: Import::Refused("文档内含不安全的路径（word\\..\\..\\evil.xml）"),
            attach: stored(DOCX_MEDIA, NOT_IMAGE),
        },
        // The zip reader reads a leading `/` or drive as relative (`enclosed_name`), and duban
        // never writes an entry to disk: the name is harmless, the document's text is read.
        Case {
            name: "docx条目名为绝对路径",
            input: file("绝对.docx", docx_with(vec![stored_entry("/etc/cron.d/evil", b"x")])),
            import: Import::Imported { encoding: "docx", directives: 2, contains: "开展夜查行动" },
            attach: stored(DOCX_MEDIA, NOT_IMAGE),
        },
        Case {
            name: "docx条目名带盘符",
            input: file("盘符.docx", docx_with(vec![stored_entry("C:\\Windows\\System32\\evil.dll", b"x")])),
            import: Import::Imported { encoding: "docx", directives: 2, contains: "加强值班值守" },
            attach: stored(DOCX_MEDIA, NOT_IMAGE),
        },
        Case {
            name: "docx截断",
            input: file("截断.docx", whole_docx[..whole_docx.len() / 2].to_vec()),
            import: Import::Refused("不是有效的 Word 文档"),
            attach: stored(DOCX_MEDIA, NOT_IMAGE),
        },
        Case {
            name: "加密Word(OLE)",
            input: file("加密.docx", {
                let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
                b.extend(random_bytes(1024));
                b
            }),
            import: Import::Refused("文档已加密"),
            attach: stored("application/x-ole-storage", NOT_IMAGE),
        },
        Case {
            name: "截断JPEG",
            input: file("截断.jpg", truncated),
            import: NOT_TEXT,
            attach: stored("image/jpeg", DAMAGED),
        },
        Case {
            name: "PNG声称100000×100000",
            input: file("巨图.png", png_claiming(100_000, 100_000)),
            import: NOT_TEXT,
            attach: stored(
                "image/png",
                Preview::Refused("无法预览：图片超出解码限制（边长超过 20000 像素）"),
            ),
        },
        Case {
            name: "EXIF为乱码",
            input: file(
                "坏EXIF.jpg",
                with_exif(&photo, b"MM\0*\0\0\0\x08\xFF\xFF garbage that claims 65535 entries"),
            ),
            import: NOT_TEXT,
            attach: stored("image/jpeg", Preview::Thumbnail),
        },
        Case {
            name: "EXIF条目谎报长度",
            input: file("谎报EXIF.jpg", with_exif(&photo, &lying_tiff())),
            import: NOT_TEXT,
            attach: stored("image/jpeg", Preview::Thumbnail),
        },
        Case {
            name: "APP1段谎报长度",
            input: file("谎报APP1.jpg", app1_lying_length(&photo)),
            import: NOT_TEXT,
            attach: stored("image/jpeg", DAMAGED),
        },
        Case {
            name: "文件名含RTL覆盖符",
            input: file("整改照片\u{202E}gpj.exe", b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF".to_vec()),
            import: NOT_TEXT,
            attach: Attach::Stored {
                media: "application/x-msdownload",
                preview: NOT_IMAGE,
                never_launch: true,
            },
        },
        Case {
            name: "文件名含..",
            input: file("..现场..jpg", photo.clone()),
            import: NOT_TEXT,
            attach: stored("image/jpeg", Preview::Thumbnail),
        },
        Case {
            name: "文件名255字节",
            input: file(&format!("{}.png", "长".repeat(83)), png(40, 30)),
            import: NOT_TEXT,
            attach: stored("image/png", Preview::Thumbnail),
        },
        Case {
            name: "文件夹",
            input: Input::Folder("相机"),
            import: Import::Refused("无法读取文件（这是一个文件夹）"),
            attach: Attach::Refused("这是一个文件夹，请选择其中的文件"),
        },
        Case {
            name: "以/..结尾的路径",
            input: Input::ParentOf("相机"),
            import: Import::Refused("无法读取文件（这是一个文件夹）"),
            attach: Attach::Refused("这是一个文件夹，请选择其中的文件"),
        },
        Case {
            name: "不存在的文件",
            input: Input::Missing("已删除.txt"),
            import: Import::Refused("无法读取文件（文件不存在）"),
            attach: Attach::Refused("无法读取文件（文件不存在）"),
        },
    ];
    #[cfg(unix)]
    cases.extend(unix_cases(&photo));
    cases
}

/// Names Windows does not allow (control characters, backslashes, bytes that are not UTF-8)
/// and a device behind a symbolic link.
#[cfg(unix)]
fn unix_cases(photo: &[u8]) -> Vec<Case> {
    use std::os::unix::ffi::OsStringExt;
    let imported = || Import::Imported { encoding: "UTF-8", directives: 2, contains: "夜查行动" };
    vec![
        Case {
            name: "文件名含换行",
            input: file("通知\n(1).txt", NOTICE),
            import: imported(),
            attach: stored("text/plain", NOT_IMAGE),
        },
        Case {
            name: "文件名含制表符和响铃",
            input: file("现场\t照片\u{7}.jpg", photo.to_vec()),
            import: NOT_TEXT,
            attach: stored("image/jpeg", Preview::Thumbnail),
        },
        Case {
            name: "文件名含反斜杠..",
            input: file("..\\..\\Windows\\evil.jpg", photo.to_vec()),
            import: NOT_TEXT,
            attach: stored("image/jpeg", Preview::Thumbnail),
        },
        Case {
            name: "文件名不是UTF-8",
            input: Input::File {
                name: OsString::from_vec(b"\xcd\xa8\xd6\xaa.txt".to_vec()),
                bytes: NOTICE.into(),
            },
            import: imported(),
            attach: stored("text/plain", NOT_IMAGE),
        },
        Case {
            name: "指向/dev/zero的链接",
            input: Input::Link { name: "零.txt", target: "/dev/zero" },
            import: Import::Refused("不是普通文件"),
            attach: Attach::Refused("文件为空（0 字节），未添加"),
        },
    ]
}

// ---- running a case -----------------------------------------------------------------------

/// Every file in the data directory but the database's own.
fn data_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else if !entry.file_name().to_string_lossy().starts_with(duban::store::DB_FILE_NAME) {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, &mut found);
    found.sort();
    found
}

/// A message for the summary line: control characters escaped, the scratch path dropped.
fn short(message: &str, scratch: &Path) -> String {
    let message = message.replace(&scratch.display().to_string(), "…");
    message.chars().flat_map(char::escape_debug).take(90).collect()
}

fn import(store: &mut Store, path: &Path) -> Result<(NoticeId, &'static str, usize), String> {
    let decoded = read_notice_file(path).map_err(|e| e.to_string())?;
    let draft = parse_notice(&decoded.text, day()).map_err(|e| e.to_string())?;
    let id = store.import_notice(&draft, &decoded.text, "张伟", now()).map_err(|e| e.to_string())?;
    Ok((id, decoded.encoding, draft.directive_count()))
}

/// `decode_bytes` on the bytes says what `read_notice_file` said (which only adds the path),
/// and the encoding dialog's candidates do not panic.
fn decode_bytes_agrees(case: &Case, path: &Path) {
    let Ok(meta) = std::fs::metadata(path) else { return };
    if !meta.is_file() || meta.len() > MAX_DOCX_BYTES {
        return;
    }
    let bytes = std::fs::read(path).expect("read input");
    let _ = candidate_decodings(&bytes);
    match (decode_bytes(&bytes), read_notice_file(path)) {
        (Ok(direct), Ok(via_file)) => assert_eq!(direct, via_file, "{}", case.name),
        (Err(direct), Err(via_file)) => {
            let (direct, via_file) = (direct.to_string(), via_file.to_string());
            assert!(via_file.starts_with(&direct), "{}: {direct} / {via_file}", case.name);
        }
        (direct, via_file) => panic!("{}: decode_bytes {direct:?}, read_notice_file {via_file:?}", case.name),
    }
}

fn check_import(case: &Case, data: &mut Data, path: &Path, scratch: &Path) -> String {
    decode_bytes_agrees(case, path);
    let (before, files_before, counts_before) =
        (dump(&data.store), data_files(data.path()), data.store.counts().expect("counts"));
    let got = import(&mut data.store, path);
    assert_eq!(data_files(data.path()), files_before, "{}: importing wrote a file", case.name);
    match (&case.import, got) {
        (Import::Refused(what), Err(message)) => {
            assert!(message.contains(what), "{}: {message}", case.name);
            assert_eq!(dump(&data.store), before, "{}: a refused import changed the database", case.name);
            format!("拒绝：{}", short(&message, scratch))
        }
        (Import::Imported { encoding, directives, contains }, Ok((id, read_as, n))) => {
            assert_eq!((read_as, n), (*encoding, *directives), "{}", case.name);
            let counts = data.store.counts().expect("counts");
            assert_eq!(
                (counts.0, counts.2),
                (counts_before.0 + 1, counts_before.2 + n as i64),
                "{}",
                case.name
            );
            let board = data.store.load_board().expect("board");
            let mine: Vec<_> = board.directives.iter().filter(|d| d.notice_id == id).collect();
            assert_eq!(mine.len(), n, "{}", case.name);
            assert!(mine.iter().any(|d| d.text.contains(contains)), "{}: {mine:#?}", case.name);
            assert_ne!(dump(&data.store), before, "{}", case.name);
            format!("导入（{read_as}，{n} 条工作要求）")
        }
        (expected, got) => panic!("{}: expected {expected:?}, got {got:?}", case.name),
    }
}

fn check_attach(case: &Case, data: &mut Data, path: &Path, scratch: &Path) -> String {
    let (before, files_before) = (dump(&data.store), data_files(data.path()));
    let dir = data.path().to_path_buf();
    let got = attach_file(&mut data.store, &dir, D2, None, path, &actor());
    match (&case.attach, got) {
        (Attach::Refused(what), Err(e)) => {
            let message = e.to_string();
            assert!(message.contains(what), "{}: {message}", case.name);
            assert!(
                message.ends_with(&path.display().to_string()),
                "{}: the path comes last: {message}",
                case.name
            );
            assert_eq!(dump(&data.store), before, "{}: a refused attach changed the database", case.name);
            assert_eq!(data_files(data.path()), files_before, "{}: a refused attach left a file", case.name);
            // The decoder on the source itself (never a device: it would read forever).
            if std::fs::metadata(path).map_or(true, |m| m.is_file() || m.is_dir()) {
                let preview = make_thumbnail(path).expect_err(case.name).to_string();
                assert!(preview.starts_with("无法预览"), "{}: {preview}", case.name);
            }
            format!("拒绝：{}", short(&message, scratch))
        }
        (Attach::Stored { media, preview, never_launch }, Ok(done)) => {
            let name = path.file_name().map_or("未命名".into(), |n| n.to_string_lossy().into_owned());
            let size = std::fs::metadata(path).expect("source").len();
            assert_eq!(
                (done.media_type, done.original_name.as_str(), done.size),
                (*media, name.as_str(), size),
                "{}",
                case.name
            );
            assert!(!done.deduplicated && !done.already_attached, "{}", case.name);
            assert_eq!(done.photo, PhotoMeta::default(), "{}: no believable EXIF here", case.name);
            let blobs = BlobStore::in_data_dir(data.path());
            let blob = blobs.path_of(&done.hash);
            assert_eq!(blobs.verify(&done.hash).expect("verify"), BlobState::Intact, "{}", case.name);
            let mut expected_files = files_before.clone();
            expected_files.push(blob.clone());
            expected_files.sort();
            assert_eq!(data_files(data.path()), expected_files, "{}: the blob and nothing else", case.name);
            if size < 1 << 20 {
                assert_eq!(std::fs::read(&blob).expect("blob"), std::fs::read(path).expect("source"));
            }
            let row = data.store.evidence(done.id).expect("row");
            assert_eq!(
                (row.directive, row.original_name.as_str(), row.media_type.as_str(), row.size),
                (D2, name.as_str(), *media, size),
                "{}",
                case.name
            );
            assert!(data.store.evidence_for(D2).expect("list").iter().any(|e| e.id == done.id));
            let log = data.store.load_detail(D2).expect("detail").changes;
            assert_eq!(log[0].new_value.as_deref(), Some(format!("添加：{name}").as_str()), "{}", case.name);

            let cache = ThumbCache::in_data_dir(data.path());
            let first = cache.thumbnail(&done.hash, &blob);
            let direct = make_thumbnail(&blob);
            let shown = match preview {
                Preview::Thumbnail => {
                    let thumb = first.unwrap_or_else(|e| panic!("{}: {e}", case.name));
                    let img = image::open(&thumb).expect("thumbnail decodes");
                    let side = img.width().max(img.height());
                    assert!(side > 0 && side <= THUMB_SIZE, "{}: {side}", case.name);
                    assert!(direct.is_ok(), "{}", case.name);
                    "缩略图".to_owned()
                }
                Preview::Refused(what) => {
                    let message = first.expect_err(case.name).to_string();
                    assert!(
                        message.starts_with("无法预览") && message.contains(what),
                        "{}: {message}",
                        case.name
                    );
                    assert_eq!(direct.expect_err(case.name).to_string(), message, "{}", case.name);
                    let again = cache.thumbnail(&done.hash, &blob).expect_err(case.name).to_string();
                    assert_eq!(again, message, "{}: remembered", case.name);
                    message
                }
            };
            assert_eq!(row.never_launch(), *never_launch, "{}", case.name);
            match viewing_copy(data.path(), &row) {
                Ok(copy) => {
                    assert!(!never_launch, "{}: a viewing copy of an executable", case.name);
                    assert!(
                        copy.starts_with(data.path().join(duban::evidence::OPEN_DIR)),
                        "{}: {copy:?}",
                        case.name
                    );
                    let copy_name = copy.file_name().expect("name").to_string_lossy().into_owned();
                    assert!(
                        !copy_name.chars().any(|c| c.is_control() || c == '/' || c == '\\'),
                        "{}: {copy_name:?}",
                        case.name
                    );
                    assert_eq!(std::fs::metadata(&copy).expect("copy").len(), size, "{}", case.name);
                }
                Err(e) => {
                    assert!(never_launch, "{}: {e}", case.name);
                    assert!(e.to_string().starts_with("这是可执行文件或脚本"), "{}: {e}", case.name);
                }
            }
            format!("保存（{media}），{shown}")
        }
        (expected, got) => panic!("{}: expected {expected:?}, got {got:?}", case.name),
    }
}

fn run(case: &Case) -> String {
    let scratch = tempfile::tempdir().expect("scratch");
    let path = case.input.create(scratch.path());
    let mut data = Data::new();
    let imported = check_import(case, &mut data, &path, scratch.path());
    let attached = check_attach(case, &mut data, &path, scratch.path());
    format!("导入 → {imported}；添加材料 → {attached}")
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "panic".into())
}

#[test]
fn every_hostile_input_is_refused_clearly_or_stored_safely() {
    let cases = catalogue();
    assert!(cases.len() >= 20, "the catalogue has {} cases", cases.len());
    let mut failed = Vec::new();
    for case in &cases {
        match catch_unwind(AssertUnwindSafe(|| run(case))) {
            Ok(summary) => eprintln!("{:<20} {summary}", case.name),
            Err(payload) => {
                let message = panic_message(payload.as_ref());
                eprintln!("{:<20} 失败：{message}", case.name);
                failed.push(format!("{}: {message}", case.name));
            }
        }
    }
    eprintln!("{} cases, {} failed", cases.len(), failed.len());
    assert!(failed.is_empty(), "failed cases:\n{}", failed.join("\n"));
}

/// The GBK-and-UTF-8 bytes really are both: the encoding dialog offers the GBK reading as
/// valid (the officer can override), and that reading is not a notice.
#[test]
fn bytes_valid_in_both_encodings_are_read_as_utf8_and_can_be_overridden() {
    let bytes = GBK_TOO.as_bytes();
    let candidates = candidate_decodings(bytes).expect("candidates");
    assert_eq!((candidates[0].encoding, candidates[0].detected, candidates[0].valid), ("UTF-8", true, true));
    let gbk = candidates.iter().find(|c| c.encoding == "gb18030").expect("gb18030");
    assert!(gbk.valid && !gbk.detected);
    let as_gbk = decode_with(bytes, "GBK").expect("valid GBK").text;
    assert_ne!(as_gbk, GBK_TOO);
    assert!(!as_gbk.contains("夜查"), "{as_gbk}");
    // The hand-written .docx the path-traversal cases extend reads as the notice it holds.
    let text = decode_bytes(&docx_with(Vec::new())).expect("the plain .docx reads").text;
    assert_eq!(text, NOTICE.trim_end());
    // The bomb's stream is sound: it inflates to its copies, and 40 of them fit in ~100 KB.
    let (stream, crc) = bomb_stream(3);
    let mut inflated = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::DeflateDecoder::new(stream.as_slice()), &mut inflated)
        .expect("inflates");
    assert_eq!(inflated, bomb_chunk().repeat(3));
    assert_eq!(crc, crc32(&inflated));
    assert!(bomb(40, None).len() < 200 << 10);
    // 4-byte GB18030 sequences are there in the other case's bytes.
    let four = GB18030.encode(FOUR_BYTE).0;
    assert!(four.windows(2).any(|w| w[0] >= 0x81 && (0x30..=0x39).contains(&w[1])));
    const { assert!(MAX_PART_BYTES < 40 << 20, "the bombs unpack beyond the part limit") };
}

/// A file named only with spaces (legal on Linux and macOS, and what a careless rename on a
/// camera card leaves) is legal evidence: it should be stored under a fallback name, as a file
/// without a name is (未命名), or refused with a Chinese message that leaves nothing behind.
#[cfg(unix)]
#[test]
fn a_file_named_only_spaces_is_stored_or_refused_cleanly() {
    let mut data = Data::new();
    let scratch = tempfile::tempdir().expect("scratch");
    let path = scratch.path().join("   ");
    std::fs::write(&path, jpeg(16, 16, 2)).expect("write");
    let (before, files_before) = (dump(&data.store), data_files(data.path()));
    let dir = data.path().to_path_buf();
    match attach_file(&mut data.store, &dir, D2, None, &path, &actor()) {
        Ok(done) => {
            assert!(!done.original_name.trim().is_empty(), "{:?}", done.original_name);
            let row = data.store.evidence(done.id).expect("row");
            assert_eq!(row.original_name, done.original_name);
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.starts_with("数据库错误"), "not a clear message: {message}");
            assert_eq!(dump(&data.store), before);
            assert_eq!(data_files(data.path()), files_before, "a refused file leaves no blob");
        }
    }
}
