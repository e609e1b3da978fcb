//! Limits checked on an uploaded workbook before calamine sees it: calamine loads shared
//! strings and styles whole, builds a sheet's range from its cell references and does not bound
//! decompression, so a small file could take gigabytes.
//!
//! Every part of the package is inflated with a byte budget and read as XML, whatever its path
//! (the workbook's relationships may name any part as a sheet) and whatever namespace prefix
//! its elements carry (`<c>`, `<x:c>`): elements are matched on their local names. What
//! calamine would hold in memory per element — cells, shared strings, style records — is
//! counted, and every cell reference, row number and declared dimension is bounded.
//!
//! **Invariant:** no byte of a workbook reaches calamine unless the file is a zip of at most
//! [`Limits::max_entries`] entries whose bytes — counted while inflating, never trusted from
//! the headers — total at most [`Limits::max_unpacked`], holding at most
//! [`Limits::max_cells`] cells, as many shared strings and [`Limits::max_styles`] style
//! records, with no reference beyond row [`Limits::max_rows`] or column
//! [`Limits::max_columns`]. The sheet reader counts and bounds the cells it is given again.

use std::cell::Cell;
use std::io::{BufReader, Cursor, Read};
use std::rc::Rc;

use quick_xml::events::{BytesStart, Event};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file: usize,
    pub max_unpacked: u64,
    pub max_entries: usize,
    pub max_cells: u64,
    /// Shared-string items and, separately, style records (`xf`, `font`, `fill`, `border`,
    /// `dxf`, `numFmt`): calamine keeps one value per item.
    pub max_styles: u64,
    /// The last row (1-based) a cell reference, a row or the dimension may name.
    pub max_rows: u32,
    /// The last column (1-based, `ALL` = 1000) a cell reference or the dimension may name.
    pub max_columns: u32,
    /// Data rows one import may hold.
    pub max_data_rows: usize,
    /// Characters kept of one cell (longer text is kept one character over the fields'
    /// limits, so that it is still refused as too long).
    pub max_cell_chars: usize,
    /// Bytes of cell text one import may keep.
    pub max_text: usize,
    /// Bytes of a stored preview (parsed rows and their outcomes, as JSON).
    pub max_stored: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file: 5 * 1024 * 1024,
            max_unpacked: 40 * 1024 * 1024,
            max_entries: 500,
            max_cells: 200_000,
            // Excel itself allows 64,000 cell formats per workbook.
            max_styles: 65_536,
            max_rows: 100_000,
            max_columns: 1_000,
            max_data_rows: 20_000,
            max_cell_chars: 1_000,
            max_text: 4 * 1024 * 1024,
            max_stored: 16 * 1024 * 1024,
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
    #[error("the workbook has more than {0} texts or styles")]
    TooManyStyles(u64),
    #[error("the workbook uses cells beyond row {rows} or column {columns}")]
    OutOfBounds { rows: u32, columns: u32 },
}

/// Checks `bytes` against `limits`, inflating and scanning every entry with a byte budget.
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
    let unpacked = Rc::new(Cell::new(0u64));
    let mut counts = Counts::default();
    let mut has_package_rels = false;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|_| LimitError::NotWorkbook)?;
        has_package_rels |= entry
            .name()
            .map(|n| n.eq_ignore_ascii_case("_rels/.rels"))
            .unwrap_or(false);
        let budgeted = Budgeted {
            inner: entry,
            read: unpacked.clone(),
            max: limits.max_unpacked,
        };
        scan_part(budgeted, &mut counts, limits)?;
        if unpacked.get() > limits.max_unpacked {
            return Err(LimitError::UnpackedTooLarge(limits.max_unpacked));
        }
    }
    if !has_package_rels {
        return Err(LimitError::NotWorkbook);
    }
    Ok(())
}

/// A zip entry whose inflated bytes are added to a budget shared by the whole archive; reading
/// past the budget fails.
struct Budgeted<R> {
    inner: R,
    read: Rc<Cell<u64>>,
    max: u64,
}

impl<R: Read> Read for Budgeted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let total = self.read.get() + n as u64;
        self.read.set(total);
        if total > self.max {
            return Err(std::io::Error::other("unpacked size over the limit"));
        }
        Ok(n)
    }
}

#[derive(Default)]
struct Counts {
    cells: u64,
    strings: u64,
    styles: u64,
}

/// Reads one part as XML with the same leniency as calamine, counting and bounding what it
/// would keep. A part that is not XML is drained so that its bytes still count.
fn scan_part<R: Read>(
    part: Budgeted<R>,
    counts: &mut Counts,
    limits: &Limits,
) -> Result<(), LimitError> {
    let read = part.read.clone();
    let over = |read: &Rc<Cell<u64>>| read.get() > limits.max_unpacked;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => counts.element(&e, limits)?,
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(_) if over(&read) => {
                return Err(LimitError::UnpackedTooLarge(limits.max_unpacked));
            }
            Err(_) => {
                // Not XML (an image, say), or broken XML that calamine refuses as well: count
                // the rest of its bytes and go on.
                let mut rest = xml.into_inner();
                return match std::io::copy(&mut rest, &mut std::io::sink()) {
                    Ok(_) => Ok(()),
                    Err(_) if over(&read) => Err(LimitError::UnpackedTooLarge(limits.max_unpacked)),
                    Err(_) => Err(LimitError::NotWorkbook),
                };
            }
        }
    }
}

impl Counts {
    fn element(&mut self, e: &BytesStart<'_>, limits: &Limits) -> Result<(), LimitError> {
        let bounds = LimitError::OutOfBounds {
            rows: limits.max_rows,
            columns: limits.max_columns,
        };
        match e.local_name().as_ref() {
            "c" => {
                self.cells += 1;
                if self.cells > limits.max_cells {
                    return Err(LimitError::TooManyCells(limits.max_cells));
                }
                if let Some(r) = attribute(e, "r")
                    && let Some((row, column)) = cell_reference(&r)
                    && (row > limits.max_rows as u64 || column > limits.max_columns as u64)
                {
                    return Err(bounds);
                }
            }
            "row" => {
                if let Some(r) = attribute(e, "r")
                    && r.trim().parse::<u64>().unwrap_or(0) > limits.max_rows as u64
                {
                    return Err(bounds);
                }
            }
            "dimension" => {
                if let Some(r) = attribute(e, "ref") {
                    for corner in r.split(':') {
                        if let Some((row, column)) = cell_reference(corner)
                            && (row > limits.max_rows as u64 || column > limits.max_columns as u64)
                        {
                            return Err(bounds);
                        }
                    }
                }
            }
            "si" => {
                self.strings += 1;
                if self.strings > limits.max_cells {
                    return Err(LimitError::TooManyStyles(limits.max_cells));
                }
            }
            "xf" | "font" | "fill" | "border" | "dxf" | "numFmt" => {
                self.styles += 1;
                if self.styles > limits.max_styles {
                    return Err(LimitError::TooManyStyles(limits.max_styles));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The value of the attribute whose local name is `name`, whatever its prefix.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// The 1-based (row, column) of a reference such as `XFD1048576`; `None` when it is not one
/// (calamine refuses such a reference itself). Saturates instead of overflowing.
pub fn cell_reference(text: &str) -> Option<(u64, u64)> {
    let text = text.trim().trim_start_matches('$');
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (col, row) = text.split_at(letters);
    let row = row.trim_start_matches('$');
    if letters == 0 || row.is_empty() || !row.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let column = col.bytes().fold(0u64, |acc, b| {
        acc.saturating_mul(26)
            .saturating_add(u64::from(b.to_ascii_uppercase() - b'A' + 1))
    });
    let row = row.bytes().fold(0u64, |acc, b| {
        acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    Some((row, column))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    pub fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
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

    /// A minimal workbook whose one sheet is stored at `sheet_path` with `sheet_xml`.
    pub fn workbook_with(sheet_path: &str, sheet_xml: Vec<u8>) -> Vec<u8> {
        let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
            <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
        let target = format!("/{sheet_path}");
        let workbook_rels = format!(
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
            <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"{target}\"/></Relationships>"
        );
        let workbook = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
            xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
            <sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        zip_of(&[
            ("_rels/.rels", rels.as_bytes().to_vec()),
            ("xl/workbook.xml", workbook.as_bytes().to_vec()),
            ("xl/_rels/workbook.xml.rels", workbook_rels.into_bytes()),
            (sheet_path, sheet_xml),
        ])
    }

    /// Sheet XML with the given element prefix (`""` or `"x:"`) around `rows`.
    pub fn sheet_xml(prefix: &str, dimension: Option<&str>, rows: &str) -> Vec<u8> {
        let ns = if prefix.is_empty() {
            "xmlns".to_owned()
        } else {
            format!("xmlns:{}", prefix.trim_end_matches(':'))
        };
        let dim = dimension
            .map(|d| format!("<{prefix}dimension ref=\"{d}\"/>"))
            .unwrap_or_default();
        format!(
            "<?xml version=\"1.0\"?><{prefix}worksheet {ns}=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
             {dim}<{prefix}sheetData>{rows}</{prefix}sheetData></{prefix}worksheet>"
        )
        .into_bytes()
    }

    #[test]
    fn a_zip_bomb_is_stopped_while_inflating() {
        let bomb = zip_of(&[
            ("_rels/.rels", b"<Relationships/>".to_vec()),
            ("xl/worksheets/sheet1.xml", vec![b' '; 60 * 1024 * 1024]),
        ]);
        assert!(bomb.len() < 200 * 1024, "the bomb is small: {}", bomb.len());
        assert_eq!(
            check(&bomb, &Limits::default()),
            Err(LimitError::UnpackedTooLarge(Limits::default().max_unpacked))
        );
    }

    #[test]
    fn cells_are_counted_in_whatever_part_and_prefix_the_sheet_uses() {
        let limits = Limits {
            max_cells: 299,
            ..Limits::default()
        };
        let plain = "<row r=\"1\">".to_owned() + &"<c r=\"A1\"><v>1</v></c>".repeat(300) + "</row>";
        let prefixed = "<x:row r=\"1\">".to_owned()
            + &"<x:c r=\"A1\"><x:v>1</x:v></x:c>".repeat(300)
            + "</x:row>";
        let no_refs = "<x:row>".to_owned() + &"<x:c/>".repeat(300) + "</x:row>";
        for (path, xml) in [
            ("xl/worksheets/sheet1.xml", sheet_xml("", None, &plain)),
            ("xl/worksheets/sheet1.xml", sheet_xml("x:", None, &prefixed)),
            ("xl/s1.xml", sheet_xml("x:", None, &prefixed)),
            ("data/anything", sheet_xml("x:", None, &no_refs)),
        ] {
            let file = workbook_with(path, xml);
            assert_eq!(
                check(&file, &limits),
                Err(LimitError::TooManyCells(299)),
                "{path}"
            );
            let enough = Limits {
                max_cells: 300,
                ..Limits::default()
            };
            assert_eq!(check(&file, &enough), Ok(()), "{path}");
        }
    }

    #[test]
    fn references_beyond_the_bounds_are_refused() {
        let limits = Limits::default();
        let bounds = Err(LimitError::OutOfBounds {
            rows: limits.max_rows,
            columns: limits.max_columns,
        });
        let far_cell = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date</t></is></c></row>\
                        <row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>";
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("", None, far_cell));
        assert!(file.len() < 2048, "the file is small: {}", file.len());
        assert_eq!(check(&file, &limits), bounds);
        let far_column = "<row r=\"1\"><c r=\"ZZZ1\"><v>1</v></c></row>";
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("", None, far_column));
        assert_eq!(check(&file, &limits), bounds);
        let far_row = "<x:row r=\"200000\"><x:c><x:v>1</x:v></x:c></x:row>";
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("x:", None, far_row));
        assert_eq!(check(&file, &limits), bounds);
        let file = workbook_with(
            "xl/worksheets/sheet1.xml",
            sheet_xml("", Some("A1:XFD1048576"), ""),
        );
        assert_eq!(check(&file, &limits), bounds);
        let file = workbook_with(
            "xl/worksheets/sheet1.xml",
            sheet_xml(
                "",
                Some("A1:D20"),
                "<row r=\"20\"><c r=\"D20\"><v>1</v></c></row>",
            ),
        );
        assert_eq!(check(&file, &limits), Ok(()));
    }

    #[test]
    fn shared_strings_and_styles_are_bounded() {
        let limits = Limits {
            max_cells: 10,
            max_styles: 10,
            ..Limits::default()
        };
        let strings = format!("<sst>{}</sst>", "<si><t>a</t></si>".repeat(11));
        let styles = format!(
            "<styleSheet><cellXfs>{}</cellXfs></styleSheet>",
            "<xf/>".repeat(11)
        );
        let base = sheet_xml("", None, "");
        for (name, xml) in [("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles)] {
            let mut entries = vec![
                ("_rels/.rels", b"<Relationships/>".to_vec()),
                ("xl/worksheets/sheet1.xml", base.clone()),
            ];
            entries.push((name, xml.into_bytes()));
            assert_eq!(
                check(&zip_of(&entries), &limits),
                Err(LimitError::TooManyStyles(10)),
                "{name}"
            );
        }
    }

    #[test]
    fn references_are_read_as_rows_and_columns() {
        assert_eq!(cell_reference("A1"), Some((1, 1)));
        assert_eq!(cell_reference("xfd1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_reference("AA10"), Some((10, 27)));
        assert_eq!(
            cell_reference(&format!("{}1", "Z".repeat(40))),
            Some((1, u64::MAX))
        );
        assert_eq!(cell_reference("12"), None);
        assert_eq!(cell_reference("A"), None);
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
