//! Limits checked on an uploaded workbook before calamine sees it: calamine loads whole
//! sheets and does not bound decompression, so a small zip bomb could take gigabytes.
//!
//! **Invariant:** no byte of a workbook reaches calamine unless the file is a zip of at most
//! [`Limits::max_entries`] entries whose bytes — counted while inflating, never trusted from
//! the headers — total at most [`Limits::max_unpacked`], with at most [`Limits::max_cells`]
//! cells in its worksheets.

use std::io::{Cursor, Read};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file: usize,
    pub max_unpacked: u64,
    pub max_entries: usize,
    pub max_cells: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file: 5 * 1024 * 1024,
            max_unpacked: 40 * 1024 * 1024,
            max_entries: 500,
            max_cells: 200_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("the file is larger than {0} bytes")]
    FileTooLarge(usize),
    #[error("the file is not an Excel workbook (.xlsx)")]
    NotWorkbook,
    #[error("the workbook unpacks to more than {0} bytes")]
    UnpackedTooLarge(u64),
    #[error("the workbook has more than {0} parts")]
    TooManyEntries(usize),
    #[error("the workbook has more than {0} cells")]
    TooManyCells(u64),
}

/// Checks `bytes` against `limits`, inflating every entry with a byte budget.
pub fn check(bytes: &[u8], limits: &Limits) -> Result<(), LimitError> {
    if bytes.len() > limits.max_file {
        return Err(LimitError::FileTooLarge(limits.max_file));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(LimitError::NotWorkbook);
    }
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| LimitError::NotWorkbook)?;
    if archive.len() > limits.max_entries {
        return Err(LimitError::TooManyEntries(limits.max_entries));
    }
    let mut has_workbook = false;
    let mut total: u64 = 0;
    let mut cells: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|_| LimitError::NotWorkbook)?;
        let name = entry
            .name()
            .map_err(|_| LimitError::NotWorkbook)?
            .into_owned();
        has_workbook |= name == "xl/workbook.xml";
        let is_sheet = name.starts_with("xl/worksheets/") && name.ends_with(".xml");
        let mut counter = CellCounter::default();
        loop {
            let n = match entry.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(_) => return Err(LimitError::NotWorkbook),
            };
            total += n as u64;
            if total > limits.max_unpacked {
                return Err(LimitError::UnpackedTooLarge(limits.max_unpacked));
            }
            if is_sheet {
                cells += counter.feed(&buf[..n]);
                if cells > limits.max_cells {
                    return Err(LimitError::TooManyCells(limits.max_cells));
                }
            }
        }
    }
    if !has_workbook {
        return Err(LimitError::NotWorkbook);
    }
    Ok(())
}

/// Counts `<c ` and `<c>` (cell elements) in streamed sheet XML, across chunk boundaries.
#[derive(Default)]
struct CellCounter {
    tail: Vec<u8>,
}

impl CellCounter {
    fn feed(&mut self, chunk: &[u8]) -> u64 {
        let mut joined = std::mem::take(&mut self.tail);
        joined.extend_from_slice(chunk);
        let count = joined
            .windows(3)
            .filter(|w| w[0] == b'<' && w[1] == b'c' && (w[2] == b' ' || w[2] == b'>'))
            .count() as u64;
        let keep = joined.len().min(2);
        self.tail = joined[joined.len() - keep..].to_vec();
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, data) in entries {
                z.start_file(*name, options)
                    .unwrap_or_else(|e| panic!("{e}"));
                z.write_all(data).unwrap_or_else(|e| panic!("{e}"));
            }
            z.finish().unwrap_or_else(|e| panic!("{e}"));
        }
        out.into_inner()
    }

    #[test]
    fn a_zip_bomb_is_stopped_while_inflating() {
        let bomb = zip_of(&[
            ("xl/workbook.xml", b"<workbook/>".to_vec()),
            ("xl/worksheets/sheet1.xml", vec![b' '; 60 * 1024 * 1024]),
        ]);
        assert!(bomb.len() < 200 * 1024, "the bomb is small: {}", bomb.len());
        assert_eq!(
            check(&bomb, &Limits::default()),
            Err(LimitError::UnpackedTooLarge(Limits::default().max_unpacked))
        );
    }

    #[test]
    fn cells_are_counted_across_chunks() {
        let sheet = "<c r=\"A1\"><v>1</v></c>".repeat(300).into_bytes();
        let file = zip_of(&[
            ("xl/workbook.xml", b"<w/>".to_vec()),
            ("xl/worksheets/sheet1.xml", sheet),
        ]);
        let limits = Limits {
            max_cells: 299,
            ..Limits::default()
        };
        assert_eq!(check(&file, &limits), Err(LimitError::TooManyCells(299)));
        let limits = Limits {
            max_cells: 300,
            ..Limits::default()
        };
        assert_eq!(check(&file, &limits), Ok(()));
    }

    #[test]
    fn other_files_are_not_workbooks() {
        assert_eq!(
            check(b"name,city\nA,B\n", &Limits::default()),
            Err(LimitError::NotWorkbook)
        );
        let not_xlsx = zip_of(&[("readme.txt", b"hello".to_vec())]);
        assert_eq!(
            check(&not_xlsx, &Limits::default()),
            Err(LimitError::NotWorkbook)
        );
    }
}
