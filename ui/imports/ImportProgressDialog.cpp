#include "imports/ImportProgressDialog.h"

#include "ui_ImportProgressDialog.h"

#include <QLocale>
#include <QPushButton>

#include <algorithm>

ImportProgressDialog::ImportProgressDialog(const QString& fileName, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportProgressDialog>())
    , m_fileName(fileName)
{
    m_ui->setupUi(this);
    setMinimumWidth(440);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ImportProgressDialog::reject);
    retranslate();
}

ImportProgressDialog::~ImportProgressDialog() = default;

void ImportProgressDialog::setProgress(qint64 done, qint64 total)
{
    m_done = done;
    m_total = total;
    if (done <= 0 || total <= 0) {
        m_ui->progressBar->setRange(0, 0); // reading and checking: no count until rows are written
    } else {
        // QProgressBar counts in int; a per-mille scale serves any file size.
        m_ui->progressBar->setRange(0, 1000);
        m_ui->progressBar->setValue(static_cast<int>(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
    }
    retranslate();
}

void ImportProgressDialog::reject()
{
    if (m_cancelling) {
        return;
    }
    m_cancelling = true;
    m_ui->cancelButton->setEnabled(false);
    retranslate();
    emit cancelRequested();
}

void ImportProgressDialog::retranslate()
{
    setWindowTitle(tr("Importing %1").arg(m_fileName));
    const QLocale locale;
    if (m_cancelling) {
        m_ui->messageLabel->setText(tr("Stopping the import… Nothing from this file will be written."));
    } else if (m_done > 0 && m_total > 0) {
        m_ui->messageLabel->setText(
            tr("Writing the records: %1 of %2.").arg(locale.toString(m_done), locale.toString(m_total)));
    } else {
        m_ui->messageLabel->setText(tr("Reading and checking the records…"));
    }
}

void ImportProgressDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
