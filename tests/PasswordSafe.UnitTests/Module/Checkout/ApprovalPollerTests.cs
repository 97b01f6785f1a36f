using System;
using PasswordSafe.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>How often Use-PSCredential -ApprovalTimeoutSec asks whether the request was approved.</summary>
public class ApprovalPollerTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(20, 2)]
    [InlineData(45, 4)]
    [InlineData(60, 5)]
    [InlineData(86400, 5)]
    public void IntervalIsATenthOfTheTimeout_Between1And5Seconds(int timeoutSeconds, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ApprovalPoller.IntervalFor(TimeSpan.FromSeconds(timeoutSeconds)));
    }
}
