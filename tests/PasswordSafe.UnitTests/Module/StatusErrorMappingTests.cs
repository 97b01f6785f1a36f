using System;
using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class StatusErrorMappingTests
{
    [Theory]
    [InlineData(400, "ValidationFailed", ErrorCategory.InvalidArgument)]
    [InlineData(401, "SessionExpired", ErrorCategory.AuthenticationError)]
    [InlineData(403, "PermissionDenied", ErrorCategory.PermissionDenied)]
    [InlineData(404, "ObjectNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(408, "Timeout", ErrorCategory.OperationTimeout)]
    [InlineData(409, "Conflict", ErrorCategory.ResourceExists)]
    [InlineData(410, "ApiDisabled", ErrorCategory.NotEnabled)]
    [InlineData(429, "Throttled", ErrorCategory.LimitsExceeded)]
    [InlineData(302, "InvalidServerResponse", ErrorCategory.InvalidData)]
    [InlineData(500, "ServerError", ErrorCategory.InvalidResult)]
    [InlineData(503, "ServerError", ErrorCategory.InvalidResult)]
    public void D1_StatusMapsToContractIdAndCategory(int status, string id, ErrorCategory category)
    {
        Assert.Equal(id, StatusErrorMapper.ErrorIdFor(status));
        Assert.Equal(category, ErrorCategories.For(id));
    }

    [Theory]
    [InlineData("NotConnected", ErrorCategory.InvalidOperation)]
    [InlineData("InvalidUri", ErrorCategory.InvalidArgument)]
    [InlineData("HttpsRequired", ErrorCategory.InvalidArgument)]
    [InlineData("InvalidApiKey", ErrorCategory.InvalidArgument)]
    [InlineData("AuthenticationFailed", ErrorCategory.AuthenticationError)]
    [InlineData("ApiKeyRejected", ErrorCategory.AuthenticationError)]
    [InlineData("TwoFactorRequired", ErrorCategory.AuthenticationError)]
    [InlineData("TwoFactorFailed", ErrorCategory.AuthenticationError)]
    [InlineData("OAuthClientRejected", ErrorCategory.AuthenticationError)]
    [InlineData("LicenseInvalid", ErrorCategory.PermissionDenied)]
    [InlineData("InvalidServerResponse", ErrorCategory.InvalidData)]
    [InlineData("ConnectionFailed", ErrorCategory.ConnectionError)]
    [InlineData("ServerCertificateUntrusted", ErrorCategory.SecurityError)]
    [InlineData("CertificateNotFound", ErrorCategory.ObjectNotFound)]
    public void EveryContractIdHasItsCategory(string id, ErrorCategory category) =>
        Assert.Equal(category, ErrorCategories.For(id));

    [Fact]
    public void D1_403ReasonCodeIsParsedAndExplained()
    {
        var response = new ApiResponse("GET", new Uri("https://h/BeyondTrust/api/public/v3/Credentials/42"), 403, "Forbidden", "\"4034\"",
            "application/json", new Dictionary<string, string>(), null, TimeSpan.Zero);
        var error = StatusErrorMapper.ToException(response);
        Assert.Equal(ErrorIds.PermissionDenied, error.ErrorId);
        Assert.Equal(4034, error.ReasonCode);
        Assert.Equal("https://h/BeyondTrust/api/public/v3/Credentials/****", error.RedactedUri);
        Assert.DoesNotContain("42", error.Message);
        Assert.Contains("not been approved", error.Message);
        Assert.Contains("approved", error.RecommendedAction);
    }

    [Fact]
    public void D1_404CarriesTheServerMessage()
    {
        var response = new ApiResponse("GET", new Uri("https://h/v3/ManagedAccounts/9"), 404, "Not Found", "\"Managed Account not found\"",
            "application/json", new Dictionary<string, string>(), null, TimeSpan.Zero);
        var error = StatusErrorMapper.ToException(response);
        Assert.Equal(ErrorIds.ObjectNotFound, error.ErrorId);
        Assert.Equal("Managed Account not found", error.ServerMessage);
        Assert.Equal("GET https://h/v3/ManagedAccounts/9 failed with 404 Not Found: Managed Account not found", error.Message);
    }

    [Fact]
    public void ErrorRecordHasIdCategoryTargetAndAction()
    {
        var record = PasswordSafe.Commands.ErrorRecordFactory.Create(
            new PasswordSafeException(ErrorIds.NotConnected, "No session.", "Run Connect-PasswordSafe."), "target", viewShowsRecommendation: false);
        Assert.Equal("NotConnected", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
        Assert.Equal("target", record.TargetObject);
        Assert.Equal("No session. Run Connect-PasswordSafe.", record.ErrorDetails.Message);
        Assert.Equal("Run Connect-PasswordSafe.", record.ErrorDetails.RecommendedAction);
    }
}
