//! What every tourdesk process sets up about itself before anything else: a umask that keeps
//! what it creates private to its account, and an open-file limit raised as far as allowed.

/// Files and directories created from here on are readable by the owner only (0600/0700):
/// tenant databases, their WAL files, backups and session keys hold an agency's data.
pub fn restrict_umask() {
    // SAFETY: umask(2) only changes this process's file-mode creation mask.
    unsafe {
        libc::umask(0o077);
    }
}

/// The (soft, hard) open-file limits.
pub fn open_files() -> (u64, u64) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit(2) writes into the struct we own.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return (1024, 1024);
    }
    (limit.rlim_cur, limit.rlim_max)
}

/// Raises the soft open-file limit to the hard one: the front door holds two descriptors per
/// client connection, and the common default of 1,024 would run out first. Returns the soft
/// limit in force afterwards.
pub fn raise_open_files_limit() -> u64 {
    let (soft, hard) = open_files();
    if soft >= hard {
        return soft;
    }
    let raised = libc::rlimit {
        rlim_cur: hard,
        rlim_max: hard,
    };
    // SAFETY: setrlimit(2) with a struct we own; failure leaves the limit as it was.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
        hard
    } else {
        soft
    }
}
