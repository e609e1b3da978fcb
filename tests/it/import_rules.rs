//! What a re-import may change: blank cells keep stored values, the clear marker removes them,
//! and the preview shows what each row sets, in the reader's format.
