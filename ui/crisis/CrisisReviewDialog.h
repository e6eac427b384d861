#pragma once

#include "crisis/Crisis.h"
#include "users/Session.h"

#include <QDialog>

class DatabaseWorker;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

/**
 * The post-crisis review (复盘, issue 16 part B): what happened, what worked, what did not, and the lessons; a lesson
 * marked so becomes an improvement action owned by the chosen department (ImprovementService, in the review's
 * transaction). Saved on the DatabaseWorker.
 */
class CrisisReviewDialog : public QDialog
{
    Q_OBJECT

public:
    CrisisReviewDialog(Session session, DatabaseWorker& worker, CrisisDetail detail, QWidget* parent = nullptr);
    ~CrisisReviewDialog() override;

    /** What the form holds now, as CrisisService::review takes it. */
    CrisisReviewDraft draft() const;

public slots:
    void addLesson();
    void accept() override;

signals:
    void reviewed(const CrisisDetail& detail);

private:
    void setSaving(bool saving);

    Session m_session;
    DatabaseWorker& m_worker;
    CrisisDetail m_detail;
    QList<QPair<QString, qint64>> m_departments;
    bool m_saving = false;
    QPlainTextEdit* m_happened = nullptr;
    QPlainTextEdit* m_worked = nullptr;
    QPlainTextEdit* m_didNot = nullptr;
    QTableWidget* m_lessons = nullptr;
    QPushButton* m_addLesson = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
