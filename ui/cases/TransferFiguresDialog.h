#pragma once

#include "users/Session.h"

#include <QDialog>

#include <memory>

class DatabaseWorker;

namespace Ui {
class TransferFiguresDialog;
}

/**
 * The supervisors' view of transfers and extensions (issue 12): per receiving department the transfers, sign-fors,
 * returns, those awaiting and the time to sign; the cases transferred more than the policy allows; the extension
 * requests awaiting a decision. Read on the database worker.
 */
class TransferFiguresDialog : public QDialog
{
    Q_OBJECT

public:
    TransferFiguresDialog(Session session, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~TransferFiguresDialog() override;

    bool isLoading() const { return m_loading; }

public slots:
    void reload();

signals:
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    std::unique_ptr<Ui::TransferFiguresDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    bool m_loading = false;
    int m_threshold = 0;
};
