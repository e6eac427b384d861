#pragma once

#include "cases/Case.h"

#include <QWidget>

class AppSettings;
class CaseListWidget;
class CaseService;
class CaseViewWidget;
class Clock;
class DatabaseWorker;
class QTabWidget;
class ReferenceService;

/** The Cases page: the case list as the first tab, and each opened case in a closable tab of its own. */
class CaseWorkspaceWidget : public QWidget
{
    Q_OBJECT

public:
    CaseWorkspaceWidget(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker, const Clock& clock,
                        AppSettings& settings, QWidget* parent = nullptr);

    CaseListWidget* listWidget() const { return m_list; }
    /** The tab that shows the case, or nullptr. */
    CaseViewWidget* viewOf(qint64 caseId) const;

public slots:
    /** Shows the case in its tab, opening one if needed. */
    void openCase(qint64 caseId);
    void closeCurrentCase();

signals:
    /** A short message for the status bar. */
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void closeTab(int index);
    void retranslate();

    CaseService& m_cases;
    ReferenceService& m_reference;
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    QTabWidget* m_tabs = nullptr;
    CaseListWidget* m_list = nullptr;
};
