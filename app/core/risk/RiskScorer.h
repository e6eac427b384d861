#pragma once

#include "risk/RiskResult.h"
#include "risk/RiskRules.h"

/**
 * Scores a case's text and facts for public-opinion risk (issue 16, PRODUCT.md "Public-opinion risk and crisis"):
 * 0–100, a level and the signals that fired, each with its evidence (words, place, weight), so a screen can explain
 * every score. Words are looked up in the rules' lexicons and patterns; each match is then tested in its clause and
 * sentence and set aside (with the reason, in RiskResult::ignored) when it is an innocent sense, negated, inside a
 * hypothetical that is no ultimatum, or someone else's words that the citizen did not adopt. Pure and reentrant;
 * scoring a text takes microseconds, so callers may score on every keystroke and whole imports.
 */
class RiskScorer
{
public:
    /** A scorer with the built-in rules (:/risk/risk_rules.json). */
    RiskScorer();
    explicit RiskScorer(RiskRules rules);

    RiskResult score(const RiskInput& input) const;
    /** The text alone: no case history, received at a window. */
    RiskResult score(const QString& text) const;

    const RiskRules& rules() const { return m_rules; }

private:
    RiskRules m_rules;
};
