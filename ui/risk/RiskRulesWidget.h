#pragma once

#include "users/Session.h"

#include <QWidget>

class DatabaseWorker;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

/**
 * The admin's editor of the risk rules (issue 16): the JSON of the rules in force, checked as it is typed (the
 * loader's message names the first problem and where it is), saved as a new version with a note; the saved versions
 * are listed, newest first. Reads and saves run on the database worker.
 */
class RiskRulesWidget : public QWidget
{
    Q_OBJECT

public:
    RiskRulesWidget(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);

    bool isLoading() const { return m_loading; }
    QPlainTextEdit* editor() const { return m_json; }

public slots:
    void reload();
    void save();

signals:
    void statusMessage(const QString& message);
    void loaded();
    void saved(qint64 versionId);

protected:
    void changeEvent(QEvent* event) override;

private:
    /** Checks the JSON as typed; true when it loads. */
    bool check();
    void retranslate();

    Session m_session;
    DatabaseWorker& m_worker;
    QPlainTextEdit* m_json = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_noteLabel = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_builtIn = nullptr;
    QLabel* m_versionsLabel = nullptr;
    QTreeWidget* m_versions = nullptr;
    QTimer* m_checkTimer = nullptr;
    bool m_loading = false;
    bool m_saving = false;
};
