package io.accords.occasion;

import io.accords.record.Referrers;

/**
 * What the occasion feature asks of the agreements made at an occasion. The agreement feature implements it, so
 * occasions never depend on agreements (agreements name the occasion they were made at).
 */
public interface OccasionReferences extends Referrers {}
