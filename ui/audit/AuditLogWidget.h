#pragma once

#include <QWidget>

#include <memory>

class AuditFilterModel;
class AuditService;
class AuditTableModel;

namespace Ui {
class AuditLogWidget;
}

/** The audit log page: the latest entries, in words and filtered by a text, and a check of the hash chain. */
class AuditLogWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kEntryLimit = 500;

    explicit AuditLogWidget(AuditService& audit, QWidget* parent = nullptr);
    ~AuditLogWidget() override;

    AuditTableModel* model() const { return m_model; }

public slots:
    void reload();
    void verify();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void updateCount();

    std::unique_ptr<Ui::AuditLogWidget> m_ui;
    AuditService& m_audit;
    AuditTableModel* m_model = nullptr;
    AuditFilterModel* m_filter = nullptr;
    bool m_loaded = false;
};
