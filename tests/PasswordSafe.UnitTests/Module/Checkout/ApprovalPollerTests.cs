using System;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
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

    [Theory]
    [InlineData("Active", true)]
    [InlineData("Approved", true)]
    [InlineData("Pending", false)]
    [InlineData("pending", false)]
    public void AnOpenRequest_IsApprovedOrStillPending(string status, bool approved) =>
        Assert.Equal(approved, ApprovalPoller.IsApproved(new Request { Status = status }, "request for web01\\Administrator"));

    [Theory]
    [InlineData("Denied")]
    [InlineData("Expired")]
    [InlineData("CheckedIn")]
    [InlineData("canceled")]
    [InlineData("Terminated")]
    [InlineData(null)] // not listed at all
    public void ARequestStillListedAsEnded_OrNotListed_IsRequestNotActive_NeverApproved(string? status)
    {
        var listed = status == null ? null : new Request { Status = status };

        var error = Assert.Throws<PasswordSafeException>(() => ApprovalPoller.IsApproved(listed, "request for web01\\Administrator"));

        Assert.Equal(ErrorIds.RequestNotActive, error.ErrorId);
    }
}
