#include "sandbox/simpleconsign/simpleconsignimages.h"

#include "sandbox/random.h"
#include "sandbox/simpleconsign/simpleconsignjson.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>

#include <cmath>

namespace ConsignDesk::Sandbox::SimpleConsign {

namespace {

constexpr std::uint64_t imageStream = 0x5c1a6e;
constexpr int cacheSize = 12;

QColor colorNamed(const QString &name)
{
    static const struct {
        const char *name;
        QRgb rgb;
    } table[] = {
        {"Black", 0x262626}, {"White", 0xf2f2ef}, {"Navy", 0x1f2a4d},    {"Red", 0xb8262e},
        {"Olive", 0x6b6b2a}, {"Cream", 0xeee4cc}, {"Grey", 0x8a8d91},    {"Tan", 0xc8a47e},
        {"Burgundy", 0x6d1a2a}, {"Teal", 0x1f7a7a}, {"Mustard", 0xd4a017}, {"Pink", 0xe8a0b4},
    };
    for (const auto &entry : table) {
        if (name == QLatin1String(entry.name))
            return QColor::fromRgb(entry.rgb);
    }
    return QColor::fromRgb(0x7a6a5a);
}

QPainterPath garment(qreal scale)
{
    QPainterPath path;
    path.moveTo(-110 * scale, -260 * scale);
    path.quadTo(0, -180 * scale, 110 * scale, -260 * scale);
    path.lineTo(260 * scale, -160 * scale);
    path.lineTo(205 * scale, -50 * scale);
    path.lineTo(150 * scale, -95 * scale);
    path.lineTo(160 * scale, 260 * scale);
    path.lineTo(-160 * scale, 260 * scale);
    path.lineTo(-150 * scale, -95 * scale);
    path.lineTo(-205 * scale, -50 * scale);
    path.lineTo(-260 * scale, -160 * scale);
    path.closeSubpath();
    return path;
}

QPainterPath shoe()
{
    QPainterPath path;
    path.moveTo(-250, 100);
    path.lineTo(130, 100);
    path.quadTo(175, 100, 175, 60);
    path.quadTo(170, 10, 60, 0);
    path.lineTo(-40, -40);
    path.quadTo(-120, -150, -200, -120);
    path.lineTo(-250, -60);
    path.closeSubpath();
    return path;
}

QPainterPath vase()
{
    QPainterPath path;
    path.moveTo(-60, -260);
    path.lineTo(60, -260);
    path.quadTo(40, -180, 150, -40);
    path.quadTo(220, 120, 90, 260);
    path.lineTo(-90, 260);
    path.quadTo(-220, 120, -150, -40);
    path.quadTo(-40, -180, -60, -260);
    return path;
}

void drawProduct(QPainter &p, int category, const QColor &base, Rng &rng)
{
    const QColor outline = base.darker(160);
    const QColor light = base.lighter(135);
    p.setPen(QPen(outline, 8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(base);
    switch (category) {
    case 0: // clothing
        p.drawPath(garment(1.0));
        p.setPen(QPen(outline, 5));
        for (int i = 0; i < 5; ++i)
            p.drawEllipse(QPointF(0, -150 + 80 * i), 9, 9);
        break;
    case 1: // shoes
        p.save();
        p.translate(90, -70);
        p.setBrush(base.darker(120));
        p.drawPath(shoe());
        p.restore();
        p.drawPath(shoe());
        p.setBrush(outline);
        p.drawRoundedRect(QRectF(-255, 95, 435, 35), 14, 14);
        break;
    case 2: { // bags
        QPainterPath handle;
        handle.moveTo(-130, -110);
        handle.cubicTo(-130, -320, 130, -320, 130, -110);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(outline, 30, Qt::SolidLine, Qt::RoundCap));
        p.drawPath(handle);
        p.setPen(QPen(outline, 8));
        p.setBrush(base);
        p.drawRoundedRect(QRectF(-230, -120, 460, 330), 40, 40);
        p.setBrush(light);
        p.drawRoundedRect(QRectF(-230, -120, 460, 120), 40, 40);
        p.setBrush(QColor(0xd4, 0xaf, 0x37));
        p.drawEllipse(QPointF(0, 0), 22, 22);
        break;
    }
    case 3: { // jewelry: a string of pearls with a pendant
        const int beads = 22 + int(rng.range(0, 6));
        for (int i = 0; i <= beads; ++i) {
            const double angle = M_PI * (0.05 + 0.9 * double(i) / beads);
            p.setBrush(i % 2 ? light : base);
            p.drawEllipse(QPointF(230 * std::cos(angle), -40 + 250 * std::sin(angle)), 20, 20);
        }
        p.setBrush(QColor(0xd4, 0xaf, 0x37));
        p.drawEllipse(QPointF(0, 250), 48, 60);
        break;
    }
    case 4: // home: a vase
        p.drawPath(vase());
        p.setPen(QPen(light, 14));
        p.drawLine(QPointF(-140, 20), QPointF(140, 20));
        p.drawLine(QPointF(-120, 80), QPointF(120, 80));
        break;
    case 5: // kids: a small garment and a ball
        p.drawPath(garment(0.7));
        p.setBrush(light);
        p.drawEllipse(QPointF(200, 170), 70, 70);
        break;
    case 6: { // games: a box with a board pattern
        p.drawRoundedRect(QRectF(-250, -180, 500, 360), 24, 24);
        p.setPen(Qt::NoPen);
        for (int row = 0; row < 4; ++row) {
            for (int column = 0; column < 6; ++column) {
                p.setBrush((row + column) % 2 ? light : outline);
                p.drawRect(QRectF(-210 + 70 * column, -140 + 70 * row, 60, 60));
            }
        }
        break;
    }
    default: { // books and records: a stack
        for (int i = 0; i < 4; ++i) {
            const qreal width = 380 + qreal(rng.range(-60, 60));
            p.setBrush(i % 2 ? light : base);
            p.drawRoundedRect(QRectF(-width / 2, 150 - 95 * i, width, 85), 8, 8);
        }
        break;
    }
    }
}

} // namespace

int ImageFactory::widthForSize(const QString &size)
{
    if (size.isEmpty())
        return 0;
    if (size == QLatin1String("thumbnail"))
        return 125;
    if (size == QLatin1String("small"))
        return 300;
    if (size == QLatin1String("medium"))
        return 600;
    if (size == QLatin1String("large"))
        return 900;
    return -1;
}

QByteArray ImageFactory::jpeg(const Store &store, qint64 index, int number, int width)
{
    const QString key = imageName(store, index, number) + u'@' + QString::number(width);
    for (qsizetype i = 0; i < m_cache.size(); ++i) {
        if (m_cache.at(i).first == key) {
            m_cache.move(i, 0);
            return m_cache.first().second;
        }
    }
    QByteArray data = render(store, index, number, width);
    m_cache.prepend({key, data});
    while (m_cache.size() > cacheSize)
        m_cache.removeLast();
    return data;
}

QByteArray ImageFactory::render(const Store &store, qint64 index, int number, int width)
{
    const Item &item = store.items()[std::size_t(index)];
    Rng shape(store.seed(), imageStream, std::uint64_t(index)); // the item's photo set shares a size
    const int originalWidth = int(shape.range(800, 1600));
    static const int aspects[][2] = {{3, 4}, {4, 5}, {1, 1}, {4, 3}};
    const auto &aspect = shape.pick(aspects);
    const int originalHeight = originalWidth * aspect[1] / aspect[0];
    // Never upsize: a target wider than the original keeps the original's width.
    const int w = width > 0 && width < originalWidth ? width : originalWidth;
    const int h = std::max(1, int(std::lround(double(originalHeight) * w / originalWidth)));

    QImage image(w, h, QImage::Format_RGB32);
    const QColor base = colorNamed(itemText(store, index).color);
    const bool paleItem = base.lightness() > 180;
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient background(0, 0, 0, h);
    background.setColorAt(0, paleItem ? QColor(0xb9, 0xbe, 0xc6) : QColor(0xf7, 0xf5, 0xf1));
    background.setColorAt(1, paleItem ? QColor(0x98, 0x9d, 0xa6) : QColor(0xe2, 0xde, 0xd6));
    p.fillRect(image.rect(), background);

    // Work in a virtual canvas 1000 units wide; each photo of the set is another angle.
    const qreal unit = qreal(w) / 1000.0;
    const qreal virtualHeight = qreal(h) / unit;
    p.scale(unit, unit);
    Rng angle(store.seed(), imageStream + 1, std::uint64_t(index) * 8 + std::uint64_t(number));
    const qreal zoom = number == 4 ? 1.9 : number == 3 ? 1.3 : 0.95 + angle.unit() * 0.15;
    const qreal size = std::min<qreal>(1.0, virtualHeight / 1000.0) * zoom;
    // The floor shadow sits under the product's lowest point (per category).
    static const qreal bottoms[] = {260, 130, 210, 310, 260, 240, 180, 235};
    const QPointF floor(500, virtualHeight * 0.5 + (bottoms[item.category % 8] + 15) * size);
    QRadialGradient shadow(floor, 380 * size);
    shadow.setColorAt(0, QColor(0, 0, 0, 60));
    shadow.setColorAt(1, QColor(0, 0, 0, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(shadow);
    p.drawEllipse(floor, 380 * size, 60 * size);
    p.translate(500, virtualHeight * 0.5);
    p.rotate(number == 2 ? -12 + angle.unit() * 24 : angle.unit() * 6 - 3);
    p.scale(size, size);
    drawProduct(p, item.category, base, angle);
    p.end();

    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, QByteArrayLiteral("jpeg"));
    writer.setQuality(width > 0 ? 80 : 88);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return {};
    return data;
}

} // namespace ConsignDesk::Sandbox::SimpleConsign
