#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class ImportProgressDialog;
}

/**
 * The progress of an import run: records handled of the total, and Cancel (also Escape and closing the window), which
 * asks the run to stop. It stays open, saying that it is stopping, until the run has rolled back.
 */
class ImportProgressDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportProgressDialog(const QString& fileName, QWidget* parent = nullptr);
    ~ImportProgressDialog() override;

    /** Shows `done` of `total` records written; before the first (reading and checking), a busy bar. */
    void setProgress(qint64 done, qint64 total);
    bool isCancelling() const { return m_cancelling; }
    /** Cancel, Escape or closing: asks once for the run to stop; the dialog stays until the owner closes it. */
    void reject() override;

signals:
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::ImportProgressDialog> m_ui;
    QString m_fileName;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_cancelling = false;
};
