#pragma once

#include "common/Result.h"
#include "services/AuditService.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

#include <memory>

class AuditFilterModel;
class AuditTableModel;
class DatabaseWorker;

namespace Ui {
class AuditLogWidget;
}

/**
 * The audit log page: the latest entries, in words and filtered by a text, and a check of the hash chain. Both are
 * read on the database worker; the page says it is loading or checking meanwhile.
 */
class AuditLogWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kEntryLimit = 500;

    AuditLogWidget(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~AuditLogWidget() override;

    AuditTableModel* model() const { return m_model; }
    /** Entries are being read or the chain checked. */
    bool isBusy() const { return m_loading || m_verifying; }

public slots:
    void reload();
    void verify();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void updateCount();
    void showVerification(const Result<AuditVerification>& result);

    std::unique_ptr<Ui::AuditLogWidget> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    LatestRequest m_loadRequest;
    bool m_loading = false;
    bool m_verifying = false;
    AuditTableModel* m_model = nullptr;
    AuditFilterModel* m_filter = nullptr;
    bool m_loaded = false;
};
