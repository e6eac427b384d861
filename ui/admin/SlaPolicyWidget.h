#pragma once

#include "repositories/ReferenceRepository.h"
#include "sla/SlaPolicy.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

#include <memory>

class DatabaseWorker;

namespace Ui {
class SlaPolicyWidget;
}

/**
 * The Deadline rules page for administrators (issue 12, helper "sla"): every clock's target, working-hours mode and
 * its periods, resolution per top-level category, and the closed loop's thresholds. Loaded and saved on the
 * database worker through SlaService (admins only, validated, audited).
 */
class SlaPolicyWidget : public QWidget
{
    Q_OBJECT

public:
    SlaPolicyWidget(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~SlaPolicyWidget() override;

    bool isBusy() const { return m_busy; }
    /** The rules as the form shows them now. */
    SlaPolicy formPolicy() const;

    /** "09:00-12:00, 13:30-17:30"; nullopt when the text cannot be read. */
    static std::optional<QList<SlaPolicy::Period>> parsePeriods(const QString& text);
    static QString periodsText(const QList<SlaPolicy::Period>& periods);

public slots:
    void reload();
    void save();

signals:
    /** After every load or save, successful or not. */
    void loaded();
    void saved();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Loaded
    {
        SlaPolicy policy;
        QList<ReferenceItem> categories; ///< top-level categories
    };
    void showPolicy(const SlaPolicy& policy);
    void setBusy(bool busy);
    void updateEnabled();

    std::unique_ptr<Ui::SlaPolicyWidget> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    LatestRequest m_request;
    QList<ReferenceItem> m_categories;
    bool m_busy = false;
};
