using System.Globalization;
using System.Net;
using System.Text;

namespace Tradewind.Jobs.Backtesting.Report;

/// <summary>
/// An inline SVG line or area chart of a time series, drawn in C# so a report needs no script: time on the x axis
/// (proportional to time, not to the point index), a few labelled grid lines, the curve downsampled to at most
/// <see cref="MaxPoints"/> points by keeping each bucket's lowest and highest value (peaks and troughs survive). Colours,
/// strokes and fonts are presentation attributes on the elements themselves, so a chart drawn without the page's style
/// sheet (an SVG viewer, a mail client, a chart copied out of the page) looks the same: a line is never filled.
/// </summary>
internal static class SvgChart
{
    /// <summary>The most points a curve is drawn with.</summary>
    public const int MaxPoints = 2000;

    private const double Width = 960;
    private const double Height = 260;
    private const double Left = 78;
    private const double Right = 12;
    private const double Top = 10;
    private const double Bottom = 26;

    // The report's palette (HtmlReportDocument's --accent, --neg, --line and --muted).
    private const string LineColour = "#1f6feb";
    private const string AreaColour = "#cf222e";
    private const string GridColour = "#d9e0e7";
    private const string LabelColour = "#5b6b7c";
    private const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

    /// <summary>
    /// The indexes of the points drawn for <paramref name="values"/>: all of them when there are at most
    /// <paramref name="maxPoints"/>, else the lowest and highest of each bucket in time order.
    /// </summary>
    public static List<int> Downsample(ReadOnlySpan<double> values, int maxPoints = MaxPoints)
    {
        var indexes = new List<int>(Math.Min(values.Length, maxPoints));
        if (values.Length <= maxPoints)
        {
            for (var i = 0; i < values.Length; i++)
            {
                indexes.Add(i);
            }

            return indexes;
        }

        var buckets = maxPoints / 2;
        for (var b = 0; b < buckets; b++)
        {
            var from = (int)((long)b * values.Length / buckets);
            var to = (int)((long)(b + 1) * values.Length / buckets);
            var low = from;
            var high = from;
            for (var i = from + 1; i < to; i++)
            {
                if (values[i] < values[low])
                {
                    low = i;
                }

                if (values[i] > values[high])
                {
                    high = i;
                }
            }

            indexes.Add(Math.Min(low, high));
            if (low != high)
            {
                indexes.Add(Math.Max(low, high));
            }
        }

        return indexes;
    }

    /// <summary>
    /// The chart as an <c>&lt;svg&gt;</c> element. <paramref name="area"/> fills between the curve and zero (for drawdowns);
    /// <paramref name="label"/> formats a y value for the axis; <paramref name="title"/> is the accessible name.
    /// </summary>
    public static string Render(ReadOnlySpan<DateTime> time, ReadOnlySpan<double> values, string title, Func<double, string> label, string cssClass, bool area)
    {
        var points = Downsample(values);
        var min = double.MaxValue;
        var max = double.MinValue;
        foreach (var i in points)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        if (area)
        {
            max = Math.Max(max, 0);
            min = Math.Min(min, 0);
        }

        if (max - min < 1e-12)
        {
            // A flat curve still needs a visible band around it.
            var pad = Math.Max(Math.Abs(max) * 0.01, 1e-6);
            min -= pad;
            max += pad;
        }

        // Grid lines at round values (1, 2, 2.5 or 5 × 10^k apart) that enclose the curve.
        var step = NiceStep((max - min) / 4);
        min = Math.Floor(min / step) * step;
        max = Math.Ceiling(max / step) * step;

        var t0 = time[0].Ticks;
        var span = Math.Max(1, time[^1].Ticks - t0);
        double X(DateTime t) => Left + (t.Ticks - t0) / (double)span * (Width - Left - Right);
        double Y(double v) => Top + (max - v) / (max - min) * (Height - Top - Bottom);

        var svg = new StringBuilder(points.Count * 16 + 2048);
        svg.Append(Invariant($"<svg class=\"chart {cssClass}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"{Font}\" font-size=\"11\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append("<title>").Append(Escape(title)).Append("</title>");

        // Horizontal grid lines, labelled on the left.
        var lines = (int)Math.Round((max - min) / step);
        for (var g = 0; g <= lines; g++)
        {
            var v = min + step * g;
            var y = Y(v);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"{GridColour}\" stroke-width=\"1\"/>"));
            svg.Append(Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"{LabelColour}\">{Escape(label(v))}</text>"));
        }

        // Six dates along the bottom.
        var dateFormat = TimeSpan.FromTicks(span).TotalDays > 60 ? "yyyy-MM" : "yyyy-MM-dd";
        for (var g = 0; g <= 5; g++)
        {
            var t = new DateTime(t0 + span * g / 5, DateTimeKind.Utc);
            var x = X(t);
            var anchor = g == 0 ? "start" : g == 5 ? "end" : "middle";
            svg.Append(Invariant($"<text class=\"axis\" x=\"{x:0.#}\" y=\"{Height - 8}\" text-anchor=\"{anchor}\" fill=\"{LabelColour}\">{t.ToString(dateFormat, CultureInfo.InvariantCulture)}</text>"));
        }

        var path = new StringBuilder(points.Count * 16);
        foreach (var i in points)
        {
            path.Append(Invariant($"{X(time[i]):0.#},{Y(values[i]):0.##} "));
        }

        if (area)
        {
            var zero = Y(0);
            svg.Append(Invariant($"<polygon class=\"area\" points=\"{X(time[points[0]]):0.#},{zero:0.##} {path}{X(time[points[^1]]):0.#},{zero:0.##}\" fill=\"{AreaColour}\" fill-opacity=\"0.25\" stroke=\"{AreaColour}\" stroke-width=\"1\"/>"));
        }
        else
        {
            svg.Append("<polyline class=\"line\" points=\"").Append(path.ToString().TrimEnd())
                .Append(Invariant($"\" fill=\"none\" stroke=\"{LineColour}\" stroke-width=\"1.4\" stroke-linejoin=\"round\"/>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The smallest of 1, 2, 2.5 and 5 × 10^k that is at least <paramref name="rough"/>.</summary>
    internal static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (factor * magnitude >= rough * (1 - 1e-9))
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
