#pragma once

#include "cases/Case.h"

#include <QWidget>

#include <memory>

class AppSettings;
class CaseService;
class CaseTableModel;
class Clock;
class QModelIndex;
class QTimer;
class ReferenceService;

namespace Ui {
class CaseListWidget;
}

/** The case list: status filter, debounced search, the paged table and the button that records a new case. */
class CaseListWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 300;

    CaseListWidget(CaseService& cases, ReferenceService& reference, const Clock& clock, AppSettings& settings,
                   QWidget* parent = nullptr);
    ~CaseListWidget() override;

    CaseTableModel* model() const { return m_model; }

public slots:
    /** Reloads the list with the filters in force. */
    void refresh();
    /** Shows the new state of a case that changed elsewhere. */
    void showChangedCase(const Case& updated);
    /** Opens the intake form. */
    void newCase();

signals:
    void openCaseRequested(qint64 caseId);
    void caseCreated(const Case& created);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillStatusFilter();
    void applyFilter();
    void updateTotal();
    void updateStateTexts();
    void openIndex(const QModelIndex& index);
    void selectCase(qint64 caseId);
    void onSortIndicatorChanged(int column, Qt::SortOrder order);

    std::unique_ptr<Ui::CaseListWidget> m_ui;
    CaseService& m_cases;
    ReferenceService& m_reference;
    AppSettings& m_settings;
    CaseTableModel* m_model = nullptr;
    QTimer* m_searchTimer = nullptr;
    qint64 m_total = -1;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};
