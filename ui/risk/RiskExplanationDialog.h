#pragma once

#include "services/RiskService.h"
#include "users/Session.h"

#include <QDialog>

class DatabaseWorker;
class QLabel;
class QTextBrowser;
class QTreeWidget;

/**
 * Why a case scored what it scored (issue 16): each signal that fired with its weight, each piece of evidence (the
 * words highlighted in the text, the rule and its weight; the channel; the citizen's earlier cases), and the matches
 * set aside with their reason (negation, hypothetical, someone else's words, innocent sense) and cue. The case is
 * scored again on the worker with the rules in force, so every point of the score can be shown.
 */
class RiskExplanationDialog : public QDialog
{
    Q_OBJECT

public:
    RiskExplanationDialog(const Session& session, DatabaseWorker& worker, qint64 caseId, QWidget* parent = nullptr);

    /** Shows an explanation (what the worker returned). */
    void showExplanation(const RiskService::Explanation& explanation);

    QTreeWidget* signalsTree() const { return m_signals; }
    QTreeWidget* ignoredTree() const { return m_ignored; }
    QTextBrowser* textBrowser() const { return m_text; }
    bool isLoaded() const { return m_loaded; }

signals:
    void loaded();

private:
    QLabel* m_summary = nullptr;
    QTextBrowser* m_text = nullptr;
    QTreeWidget* m_signals = nullptr;
    QTreeWidget* m_ignored = nullptr;
    bool m_loaded = false;
};
