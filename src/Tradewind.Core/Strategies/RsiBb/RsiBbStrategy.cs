using Tradewind.Core.Engine;
using Tradewind.Core.Indicators;

namespace Tradewind.Core.Strategies.RsiBb;

/// <summary>
/// The paper/live bot strategy: a mean-reversion long entry on RSI and the lower Bollinger band, protected by an
/// ATR stop (and, with AdvancedATRExit, an ATR take-profit and optional trailing stop) attached to the entry.
/// The stop and target distances use the ATR of the signal bar and are measured from the entry's fill price.
/// After a position closes, no entry is decided for <see cref="RsiBbSettings.CooldownBars"/> bars.
/// </summary>
public sealed class RsiBbStrategy : Strategy
{
    /// <summary>The volume average length in the RSIBBVolume rule.</summary>
    public const int VolumeAveragePeriod = 20;

    private readonly RsiBbSettings _settings;
    private RelativeStrengthIndex[] _rsi = [];
    private BollingerBands[] _bands = [];
    private AverageTrueRange[] _atr = [];
    private SimpleMovingAverage[] _volume = [];
    private int[] _lastExitBar = [];

    /// <summary>Creates the strategy.</summary>
    public RsiBbStrategy(RsiBbSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PositionSize is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.PositionSize, "position size must be a fraction of equity in (0, 1]");
        }

        _settings = settings;
    }

    /// <inheritdoc />
    public override void OnStart(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var n = context.Symbols.Count;
        _rsi = new RelativeStrengthIndex[n];
        _bands = new BollingerBands[n];
        _atr = new AverageTrueRange[n];
        _volume = new SimpleMovingAverage[n];
        _lastExitBar = new int[n];
        for (var s = 0; s < n; s++)
        {
            _rsi[s] = new RelativeStrengthIndex(_settings.RsiPeriod);
            _bands[s] = new BollingerBands(_settings.BbPeriod, _settings.BbDev);
            _atr[s] = new AverageTrueRange(_settings.AtrPeriod);
            _volume[s] = new SimpleMovingAverage(VolumeAveragePeriod);
            _lastExitBar[s] = int.MinValue / 2;
        }
    }

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, int symbol)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bar = context.CurrentBar(symbol);
        var rsi = _rsi[symbol].Update(bar.Close);
        var bands = _bands[symbol];
        bands.Update(bar.Close);
        var atr = _atr[symbol].Update(bar.High, bar.Low, bar.Close);
        var averageVolume = _volume[symbol].Update(bar.Volume);
        if (!context.IsFlat(symbol) || context.PendingOrders(symbol) != 0)
        {
            return;
        }

        if (context.BarIndex(symbol) - _lastExitBar[symbol] < _settings.CooldownBars)
        {
            return;
        }

        if (double.IsNaN(rsi) || !bands.IsReady || !(atr > 0))
        {
            return;
        }

        var oversold = rsi < _settings.RsiOversold;
        var belowBand = bar.Close < bands.Lower;
        var enter = _settings.Entry == RsiBbEntry.RsiOrBb
            ? oversold || belowBand
            : oversold && belowBand && averageVolume > 0 && bar.Volume > _settings.VolumeFactor * averageVolume;
        if (!enter)
        {
            return;
        }

        var stop = _settings.SlMultiplier * atr;
        var bracket = _settings.Exit == RsiBbExit.AtrExit
            ? new Bracket(StopDistance: stop)
            : new Bracket(StopDistance: stop, TakeProfitDistance: _settings.TpMultiplier * atr, TrailingDistance: _settings.TrailingEnabled ? stop : null);
        context.Buy(symbol, OrderSizing.EquityFraction(_settings.PositionSize), "entry", bracket);
    }

    /// <inheritdoc />
    public override void OnTradeClosed(StrategyContext context, int symbol, Analytics.ClosedTrade trade)
    {
        ArgumentNullException.ThrowIfNull(context);
        _lastExitBar[symbol] = context.BarIndex(symbol);
    }
}
