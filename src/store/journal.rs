//! 日志模式 — WAL where it is safe, a rollback journal where it is not. SQLite's WAL relies on
//! shared memory that network file systems do not provide, so a data directory on a network
//! share (NFS, SMB/CIFS, sshfs…) uses `journal_mode=DELETE`, as does any file system on which
//! WAL does not stick. The window says so in its status bar.

use std::path::{Path, PathBuf};

/// The journal the database ended up with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Journal {
    /// Write-ahead log: readers and a writer at once.
    Wal,
    /// In memory (tests, benches).
    Memory,
    /// A rollback journal, and why.
    Rollback(WhyNotWal),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyNotWal {
    /// The data directory is on a network file system of this type.
    NetworkShare(String),
    /// SQLite answered this mode when asked for WAL.
    Refused(String),
}

impl Journal {
    /// The status-bar note, when the journal is not the usual WAL.
    pub fn note(&self) -> Option<String> {
        match self {
            Journal::Wal | Journal::Memory => None,
            Journal::Rollback(WhyNotWal::NetworkShare(kind)) => Some(format!(
                "数据目录位于网络共享（{kind}），已改用回滚日志以保证安全；请勿在多台电脑上同时打开"
            )),
            Journal::Rollback(WhyNotWal::Refused(mode)) => {
                Some(format!("此磁盘不支持 WAL 日志（得到 {mode}），已改用回滚日志"))
            }
        }
    }
}

/// File system types whose locking or shared memory SQLite's WAL cannot trust.
pub fn is_network_fs(kind: &str) -> bool {
    const NETWORK: &[&str] = &[
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gfs2",
        "ocfs2",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.smbnetfs",
    ];
    NETWORK.contains(&kind)
}

/// The network file system `dir` lives on, if it is on one.
pub fn network_share_of(dir: &Path) -> Option<String> {
    if cfg!(windows) {
        // \\server\share\… (mapped drive letters are not detected).
        let unc = dir.components().next().is_some_and(|c| {
            matches!(
                c,
                std::path::Component::Prefix(p)
                    if matches!(p.kind(), std::path::Prefix::UNC(..) | std::path::Prefix::VerbatimUNC(..))
            )
        });
        return unc.then(|| "SMB".to_owned());
    }
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    network_share_in(&mountinfo, dir)
}

/// The network file system `dir` lives on according to the `mountinfo` text, if any.
pub fn network_share_in(mountinfo: &str, dir: &Path) -> Option<String> {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    fs_type_of(mountinfo, &dir).filter(|kind| is_network_fs(kind))
}

/// The type of the file system mounted at the longest mount point containing `path`, from the
/// text of `/proc/self/mountinfo`.
pub fn fs_type_of(mountinfo: &str, path: &Path) -> Option<String> {
    let mut best: Option<(PathBuf, String)> = None;
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(dash) = fields.iter().position(|f| *f == "-") else { continue };
        let (Some(mount_point), Some(kind)) = (fields.get(4), fields.get(dash + 1)) else { continue };
        let mount_point = PathBuf::from(unescape(mount_point));
        let longer = best.as_ref().is_none_or(|(b, _)| mount_point.as_os_str().len() >= b.as_os_str().len());
        if path.starts_with(&mount_point) && longer {
            best = Some((mount_point, (*kind).to_owned()));
        }
    }
    best.map(|(_, kind)| kind)
}

/// mountinfo writes space, tab, newline and backslash as octal escapes (`\040`).
fn unescape(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes
            .get(i + 1..i + 4)
            .filter(|d| bytes[i] == b'\\' && d.iter().all(|b| (b'0'..=b'7').contains(b)));
        match octal {
            Some(d) => {
                out.push((d[0] - b'0') * 64 + (d[1] - b'0') * 8 + (d[2] - b'0'));
                i += 4;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 22 0:36 / /mnt/办公\\040共享 rw shared:21 - cifs //nas/办公 rw
42 40 8:2 / /mnt/share/local rw - ext4 /dev/sdb1 rw";

    #[test]
    fn the_longest_mount_point_decides() {
        let kind = |p: &str| fs_type_of(MOUNTINFO, Path::new(p));
        assert_eq!(kind("/home/duty/.local/share/duban").as_deref(), Some("ext4"));
        assert_eq!(kind("/mnt/share/duban").as_deref(), Some("nfs4"));
        assert_eq!(kind("/mnt/share/local/duban").as_deref(), Some("ext4"));
        assert_eq!(kind("/mnt/办公 共享/督办").as_deref(), Some("cifs"));
        // A sibling whose name merely starts alike is not inside the share.
        assert_eq!(kind("/mnt/shared/duban").as_deref(), Some("ext4"));
    }

    #[test]
    fn network_types_are_recognised() {
        for kind in ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "9p"] {
            assert!(is_network_fs(kind), "{kind}");
        }
        for kind in ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "ntfs3", "fuse.ntfs-3g"] {
            assert!(!is_network_fs(kind), "{kind}");
        }
    }

    #[test]
    fn the_note_says_why() {
        assert_eq!(Journal::Wal.note(), None);
        let note = Journal::Rollback(WhyNotWal::NetworkShare("nfs4".into())).note().unwrap();
        assert!(note.contains("网络共享（nfs4）") && note.contains("回滚日志"), "{note}");
    }
}
