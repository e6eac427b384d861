#pragma once

#include "improvement/Improvement.h"
#include "users/Session.h"

#include <QDialog>

class Clock;
class DatabaseWorker;
class FishboneWidget;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
namespace Dashboard {
struct SystemicAlert;
}
namespace ImprovementJobs {
struct ReferenceLists;
}

/**
 * One action of the improvement register (issue 14, helper "register"): its fields and status, the linked cases
 * (added by case number, opened from here), the 5-whys chain, the fishbone diagram (FishboneWidget, exportable as PNG
 * and PDF) and the effect check (before and since, cases per week and CSAT, in a sentence). Loads and saves through
 * jobs on the database worker; Save writes everything in one transaction and closes the dialog.
 */
class ImprovementDialog : public QDialog
{
    Q_OBJECT

public:
    /** A stored action (`id`), or a new one from `draft` (id 0). */
    ImprovementDialog(Session session, DatabaseWorker& worker, const Clock& clock, qint64 id,
                      const ImprovementDraft& draft = {}, QWidget* parent = nullptr);
    ~ImprovementDialog() override;

    /**
     * What the dashboard calls for a systemic alert: a new action pre-filled from it (title, category, service item,
     * the alert's cases, a deadline in 30 days), shown beside the main window (not modal); deleted when closed.
     */
    static ImprovementDialog* openForAlert(const Session& session, DatabaseWorker& worker, const Clock& clock,
                                           const Dashboard::SystemicAlert& alert, QWidget* parent);

    qint64 actionId() const { return m_id; }
    /** Whether a load or save is under way (tests wait on it). */
    bool isBusy() const { return m_busy; }
    FishboneWidget* fishbone() const { return m_fishbone; }
    /** The draft the fields describe now. */
    ImprovementDraft draft() const;

signals:
    void saved(const ImprovementAction& action);
    void openCaseRequested(qint64 caseId);
    /** A load or a save finished (with or without an error). */
    void settled();

private:
    void buildUi();
    QWidget* buildActionTab();
    QWidget* buildWhysTab();
    QWidget* buildFishboneTab();
    QWidget* buildEffectTab();
    void setBusy(bool busy);
    void fillReferences(const ImprovementJobs::ReferenceLists& lists);
    void loadAction();
    void fillDraft(const ImprovementDraft& draft);
    void setCases(const QList<LinkedCase>& cases);
    void appendCase(const LinkedCase& c);
    void addCase();
    void addWhy(const Why& why = {});
    void moveWhy(int delta);
    void reloadEffect();
    void showEffect(const EffectCheck& effect);
    void exportFishbone(bool pdf);
    void save();
    void showError(const QString& message);

    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    qint64 m_id = 0;
    int m_version = 0;
    ImprovementDraft m_initial;
    ImprovementStatus m_status = ImprovementStatus::Open;
    bool m_busy = false;
    QList<LinkedCase> m_cases;

    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_owner = nullptr;
    QDateEdit* m_deadline = nullptr;
    QComboBox* m_statusCombo = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_serviceItem = nullptr;
    QLabel* m_source = nullptr;
    QTableWidget* m_casesTable = nullptr;
    QLineEdit* m_caseNo = nullptr;
    QTableWidget* m_whys = nullptr;
    QLineEdit* m_rootCause = nullptr;
    QLineEdit* m_countermeasure = nullptr;
    QLineEdit* m_problem = nullptr;
    FishboneWidget* m_fishbone = nullptr;
    QSpinBox* m_weeks = nullptr;
    QTableWidget* m_effectTable = nullptr;
    QLabel* m_casesSentence = nullptr;
    QLabel* m_csatSentence = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
