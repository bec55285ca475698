package dev.hipflex.triage.domain;

/**
 * What a decision of the rule set reads: the person's report and the assessment the level rules made of it.
 *
 * @param assessment the combined effect of the level rules; the level rules themselves read only the report
 */
record Case(SymptomReport report, Assessment assessment) {
}
