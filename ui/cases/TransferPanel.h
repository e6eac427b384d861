#pragma once

#include "cases/Case.h"
#include "cases/Transfer.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QGroupBox>

#include <memory>

class DatabaseWorker;
class ReferenceService;
class WrappingTree;

namespace Ui {
class TransferPanel;
}

/**
 * The case view's part for transfers and extensions (issue 12, helper "transfer"): where the latest transfer
 * stands (awaiting sign-for by whom, since when), every transfer of the case with its outcome, the extension asked
 * for or approved, and the buttons that open TransferDialog, SignForDialog, ExtensionRequestDialog,
 * ExtensionDecisionDialog and, for supervisors, TransferFiguresDialog. Reads on the database worker.
 */
class TransferPanel : public QGroupBox
{
    Q_OBJECT

public:
    TransferPanel(Session session, ReferenceService& reference, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~TransferPanel() override;

    /** Shows this case (as the case view last loaded it) and reads its transfers and extensions. */
    void setCase(const Case& c);
    /** Reads are finished. */
    bool isLoading() const { return m_loading; }

public slots:
    /** Opens TransferDialog (the case view's "Transfer…" action). */
    void transfer();
    void signForOrReturn();
    void requestExtension();
    void decideExtension();
    void showFigures();

signals:
    /** A transfer, sign-for, return or extension step changed the case. */
    void caseChanged(const Case& updated);
    /** The case's transfers and extensions were read (successfully or not). */
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showState();
    void updateButtons();
    /** Opens a dialog that sets updatedCase() when accepted, and hands the case on. */
    template <typename Dialog> void openDialog(Dialog* dialog);

    std::unique_ptr<Ui::TransferPanel> m_ui;
    Session m_session;
    ReferenceService& m_reference;
    DatabaseWorker& m_worker;
    LatestRequest m_request;
    bool m_loading = false;
    WrappingTree* m_wrapping = nullptr; ///< reasons and outcomes wrap in rows that fit them
    Case m_case;
    QList<CaseTransfer> m_transfers;
    QList<CaseExtension> m_extensions;
};
