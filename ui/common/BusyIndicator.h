#pragma once

#include "workers/DatabaseWorker.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <type_traits>

class QLabel;
class QTimer;
class QWidget;

/**
 * Shows that a form waits on the database worker: disables the form's controls, says "Saving…" (or another text)
 * in a label and, when the wait grows long (another desk holds the write lock), says that it is waiting for the
 * database. The window around it stays usable.
 */
class BusyIndicator : public QObject
{
    Q_OBJECT

public:
    /** After this long, the label says the desk is waiting for the database. */
    static constexpr int kWaitingNoticeMs = 1000;

    /** `label` shows the texts; `controls` are disabled while busy. */
    BusyIndicator(QLabel* label, QList<QWidget*> controls, QObject* parent);

    /** Starts showing `text` (e.g. "Saving…"); the controls are disabled until stop(). */
    void start(const QString& text);
    /** Re-enables the controls and hides the label. */
    void stop();
    bool isBusy() const { return m_busy; }

    /**
     * Runs job on the worker while showing `text`; on the answer stops, then shows the error in the label or hands
     * the value to done. The job returns a Result<T>; done takes the T (nothing for a Status).
     */
    template <typename Job, typename Done> void run(DatabaseWorker& worker, const QString& text, Job job, Done done)
    {
        start(text);
        worker.run(this, std::move(job), [this, done = std::move(done)](const auto& result) mutable {
            stop();
            if (!result) {
                showError(result.error().message);
                return;
            }
            if constexpr (std::is_same_v<std::decay_t<decltype(result)>, Status>) {
                done();
            } else {
                done(*result);
            }
        });
    }

    /** "Saving…" */
    static QString savingText();
    /** What a save says once it has waited kWaitingNoticeMs: another desk holds the database. */
    static QString waitingText();

private:
    void showWaiting();
    void showError(const QString& message);

    QPointer<QLabel> m_label;
    QList<QPointer<QWidget>> m_controls;
    QTimer* m_waitingTimer = nullptr;
    bool m_busy = false;
};
