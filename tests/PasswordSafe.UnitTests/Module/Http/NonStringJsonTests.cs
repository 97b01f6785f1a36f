using System;
using System.Collections.Generic;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using Xunit;

// The folder's name is not a namespace: "Http." in other test namespaces must keep naming PasswordSafe.Http.
namespace PasswordSafe.UnitTests.Module;

public sealed class NonStringJsonTests
{
    [Theory]
    [InlineData("null")]
    [InlineData(" null\n")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("12345")]
    [InlineData("-1.5e3")]
    public void WholeJsonValuesOtherThanStrings_AreScalars(string body) => Assert.True(NonStringJson.IsScalar(body));

    [Theory]
    [InlineData("\"null\"")]
    [InlineData("plain text")]
    [InlineData("null and more")]
    [InlineData("nullify")]
    [InlineData("12ab")]
    [InlineData("{}")]
    [InlineData("")]
    public void StringsTextAndContainers_AreNotScalars(string body) => Assert.False(NonStringJson.IsScalar(body));

    [Theory]
    [InlineData("application/json", "")]
    [InlineData("application/json", "null")]
    [InlineData("application/problem+json", "true")]
    [InlineData("text/plain", "")]
    public void Credentials_EmptyOrJsonScalars_AreNeverAPassword(string contentType, string body)
    {
        var error = Assert.Throws<PasswordSafeException>(() => CheckoutJson.ReadCredential(Answer(body, contentType)));
        Assert.Equal(PasswordSafe.Internal.ErrorIds.InvalidServerResponse, error.ErrorId);
    }

    [Theory]
    [InlineData("text/plain", "null", "null")]
    [InlineData("application/json", "\"null\"", "null")]
    [InlineData("application/json", "plain text", "plain text")]
    public void Credentials_TextOrJsonStrings_AreThePassword(string contentType, string body, string expected) =>
        Assert.Equal(expected, CheckoutJson.ReadCredential(Answer(body, contentType)));

    private static ApiResponse Answer(string body, string contentType) =>
        new ApiResponse("GET", new Uri("https://pam.test/BeyondTrust/api/public/v3/Credentials/1"), 200, "OK", body, contentType,
            new Dictionary<string, string>(), null, TimeSpan.Zero);
}
