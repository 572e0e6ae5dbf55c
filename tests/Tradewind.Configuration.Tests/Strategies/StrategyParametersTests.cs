using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Configuration.Settings;
using Tradewind.Configuration.Strategies;

namespace Tradewind.Configuration.Tests.Strategies;

public sealed class StrategyParametersTests
{
    [Fact]
    public void The_capital_allocator_block_reads_back_what_the_registry_stored()
    {
        var settings = new StrategySettings
        {
            CapitalAllocator = new CapitalAllocatorSettings
            {
                DailyCapital = 2_500.50m,
                Assets = ["SPY", "TLT"],
                Regime = new RegimeSettings { BullishThreshold = 0.4, BearishThreshold = -0.2 },
                Allocation = new AllocationSettings { LowRisk = 0.9 },
                SellPercentage = 0.5,
            },
        };

        var stored = StrategyParameters.From(settings, "capital-allocator");
        var read = StrategyParameters.ReadCapitalAllocator(JsonNode.Parse(stored.ToJsonString())!.AsObject());

        Assert.Equal(2_500.50m, read.DailyCapital);
        Assert.Equal(["SPY", "TLT"], read.Assets);
        Assert.Equal(settings.CapitalAllocator.Regime, read.Regime);
        Assert.Equal(settings.CapitalAllocator.Allocation, read.Allocation);
        Assert.Equal(0.5, read.SellPercentage);
    }

    [Fact]
    public void A_version_stored_before_a_key_existed_takes_its_default()
    {
        var read = StrategyParameters.ReadCapitalAllocator(JsonNode.Parse("""{"daily_capital": 750}""")!.AsObject());
        Assert.Equal(750m, read.DailyCapital);
        Assert.Equal(["SPY", "QQQ", "DIA"], read.Assets);
    }

    [Fact]
    public void A_block_of_the_wrong_shape_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => StrategyParameters.ReadCapitalAllocator(JsonNode.Parse("""{"daily_capital": "lots"}""")!.AsObject()));
    }
}
