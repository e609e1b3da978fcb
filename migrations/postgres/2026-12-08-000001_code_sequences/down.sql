DROP TABLE code_sequences;
