#pragma once

#include "training/Training.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QDialog>
#include <QMap>

class DatabaseWorker;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;

/**
 * One training case for the trainer (issue 15, helper "train15"): the title, the trainer's note, for each stage the
 * citizen's words, the emotion and the model answer (editable), and the anonymized timeline (read-only). Save writes
 * the edits at the version loaded; a refusal (the leak check, a newer version) is shown here and nothing typed is
 * lost. Reads and writes on the database worker.
 */
class TrainingCaseDialog : public QDialog
{
    Q_OBJECT

public:
    TrainingCaseDialog(Session session, DatabaseWorker& worker, qint64 id, QWidget* parent = nullptr);

    qint64 trainingCaseId() const { return m_id; }
    bool isBusy() const { return m_busy; }
    /** The case as loaded or last saved. */
    const TrainingCase& trainingCase() const { return m_case; }
    QPlainTextEdit* modelAnswerEdit(DrillStage stage) const { return m_answers.value(stage); }
    QPlainTextEdit* citizenTextEdit(DrillStage stage) const { return m_citizen.value(stage); }

public slots:
    void save();

signals:
    void saved(const TrainingCase& trainingCase);

private:
    void load();
    void showCase(const TrainingCase& c);
    void setBusy(bool busy);

    Session m_session;
    DatabaseWorker& m_worker;
    qint64 m_id = 0;
    TrainingCase m_case;
    bool m_busy = false;
    LatestRequest m_latest;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLabel* m_facts = nullptr;
    QTabWidget* m_tabs = nullptr;
    QMap<DrillStage, QPlainTextEdit*> m_citizen;
    QMap<DrillStage, QPlainTextEdit*> m_answers;
    QMap<DrillStage, QLabel*> m_emotions;
    QTableWidget* m_timeline = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
