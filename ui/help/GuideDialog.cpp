#include "GuideDialog.h"

#include <QDialogButtonBox>
#include <QImage>
#include <QTabBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
/** Shows the guide's screenshots no wider than the page, so that a page reads without scrolling sideways. */
class GuideBrowser : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

    QVariant loadResource(int type, const QUrl& name) override
    {
        const QVariant resource = QTextBrowser::loadResource(type, name);
        if (type != QTextDocument::ImageResource) {
            return resource;
        }
        QImage image = resource.value<QImage>();
        if (image.isNull()) {
            image.loadFromData(resource.toByteArray());
        }
        // A fixed width (the dialog opens 900 pixels wide; list items indent their pictures): the page lays out
        // before the dialog has its size.
        constexpr int width = 760;
        if (!image.isNull() && image.width() > width) {
            return image.scaledToWidth(width, Qt::SmoothTransformation);
        }
        return image.isNull() ? resource : QVariant(image);
    }
};

struct Page
{
    Role role;
    const char* file;
};
const Page kPages[] = {
    {Role::Clerk, "clerk"},
    {Role::Supervisor, "supervisor"},
    {Role::Trainer, "trainer"},
    {Role::Admin, "admin"},
};
} // namespace

QUrl GuideDialog::pageOf(std::optional<Role> role)
{
    for (const Page& p : kPages) {
        if (role && p.role == *role) {
            return QUrl(QStringLiteral("qrc:/guide/%1.md").arg(QLatin1String(p.file)));
        }
    }
    return QUrl(QStringLiteral("qrc:/guide/clerk.md"));
}

GuideDialog::GuideDialog(std::optional<Role> role, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("User guide"));
    setObjectName(QStringLiteral("guideDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* tabs = new QTabBar(this);
    tabs->setObjectName(QStringLiteral("guidePages"));
    int current = 0;
    for (int i = 0; i < int(std::size(kPages)); ++i) {
        tabs->addTab(Roles::label(kPages[i].role));
        if (role && kPages[i].role == *role) {
            current = i;
        }
    }
    m_browser = new GuideBrowser(this);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setOpenExternalLinks(false);
    m_browser->setOpenLinks(true);
    layout->addWidget(tabs);
    layout->addWidget(m_browser, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    tabs->setCurrentIndex(current);
    connect(tabs, &QTabBar::currentChanged, this,
            [this](int index) { m_browser->setSource(pageOf(kPages[index].role), QTextDocument::MarkdownResource); });
    resize(900, 720);
    m_browser->setSource(pageOf(role), QTextDocument::MarkdownResource);
}
