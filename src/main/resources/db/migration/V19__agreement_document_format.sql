-- Which shape of the agreement's stored document a row holds (AgreementReadModel.DOCUMENT_FORMAT). A list writes a
-- document of the current shape out as stored, without reading it first; one written before (0: every row this
-- migration finds) is read and written again, its missing fields filled in, until a change of the agreement, a
-- rename of its parties or accords.read-model.rebuild writes it anew.
ALTER TABLE agreement ADD COLUMN document_format INTEGER DEFAULT 0 NOT NULL;
