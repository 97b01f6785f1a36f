using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// E1 "find the account": the streaming reader of <c>GET ManagedAccounts</c> (api-v3 §2.1) — array, single object,
/// <c>{TotalCount, Data}</c> envelope, any key casing, nulls, unknown fields — read from text and from a stream alike.
/// </summary>
public class ManagedAccountPageReaderTests
{
    private const string Account = "{\"PlatformID\":1,\"SystemId\":101,\"SystemName\":\"srv1\",\"DomainName\":\"CONTOSO\",\"AccountId\":201," +
        "\"AccountName\":\"admin1\",\"InstanceName\":\"\",\"UserPrincipalName\":null,\"ApplicationID\":null,\"ApplicationDisplayName\":null," +
        "\"DefaultReleaseDuration\":120,\"MaximumReleaseDuration\":525600,\"LastChangeDate\":\"2026-01-02T03:04:05Z\"," +
        "\"NextChangeDate\":null,\"IsChanging\":false,\"ChangeState\":0,\"IsISAAccess\":true,\"PreferredNodeID\":\"node-1\"," +
        "\"AccountDescription\":\"the admin\"}";

    [Fact]
    public void E1_Array_ReadsEveryFieldOfEveryAccount()
    {
        var page = ReadBothWays("[" + Account + "," + Account.Replace("201", "202") + "]", limit: 10);

        Assert.Equal(2, page.Accounts.Count);
        Assert.True(page.IsLast);
        Assert.Null(page.TotalCount);
        var account = page.Accounts[0];
        Assert.Equal(1, account.PlatformId);
        Assert.Equal(101, account.SystemId);
        Assert.Equal("srv1", account.SystemName);
        Assert.Equal(201, account.AccountId);
        Assert.Equal(@"CONTOSO\admin1", account.UserName);
        Assert.Equal(string.Empty, account.InstanceName);
        Assert.Null(account.UserPrincipalName);
        Assert.Null(account.ApplicationId);
        Assert.Equal(120, account.DefaultReleaseDuration);
        Assert.Equal(525600, account.MaximumReleaseDuration);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), account.LastChangeDate);
        Assert.Null(account.NextChangeDate);
        Assert.False(account.IsChanging);
        Assert.True(account.IsIsaAccess);
        Assert.Equal("node-1", account.PreferredNodeId);
        Assert.Equal("the admin", account.AccountDescription);
        Assert.Equal(202, page.Accounts[1].AccountId);
    }

    [Fact]
    public void E1_FullPage_IsNotTheLast()
    {
        var page = ReadBothWays("[" + Account + "," + Account + "]", limit: 2);

        Assert.False(page.IsLast);
    }

    [Fact]
    public void E1_SingleObject_BothNamesGiven_IsOneAccountAndTheLastPage()
    {
        var page = ReadBothWays(Account, limit: 1000);

        Assert.Equal(201, Assert.Single(page.Accounts).AccountId);
        Assert.True(page.IsLast);
        Assert.Null(page.TotalCount);
    }

    [Fact]
    public void E1_Envelope_GivesItemsAndTotal_WhereverTheKeysAre()
    {
        var page = ReadBothWays("{\"Data\":[" + Account + "],\"TotalCount\":42}", limit: 1);

        Assert.Equal(201, Assert.Single(page.Accounts).AccountId);
        Assert.Equal(42, page.TotalCount);
        Assert.False(page.IsLast);
    }

    [Fact]
    public void E1_KeysInAnyCase_AreRead()
    {
        var page = ReadBothWays("{\"totalcount\":\"3\",\"DATA\":[{\"SYSTEMID\":7,\"accountid\":\"8\",\"systemname\":\"s\",\"ACCOUNTNAME\":\"a\",\"isisaaccess\":\"TRUE\"}]}", limit: 5);

        var account = Assert.Single(page.Accounts);
        Assert.Equal(7, account.SystemId);
        Assert.Equal(8, account.AccountId);
        Assert.Equal("s", account.SystemName);
        Assert.Equal("a", account.AccountName);
        Assert.True(account.IsIsaAccess);
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public void E1_UnknownFields_NullsAndNonObjectItems_AreSkipped()
    {
        var json = "[null, 5, \"x\", [1,2], {\"Future\":{\"Nested\":[1,{\"SystemId\":999}]},\"More\":[{\"AccountId\":999}],\"SystemId\":3," +
                   "\"AccountId\":null,\"SystemName\":null,\"ChangeState\":1.0,\"DefaultReleaseDuration\":\"soon\",\"IsChanging\":null}]";

        var account = Assert.Single(ReadBothWays(json, limit: 10).Accounts);

        Assert.Equal(3, account.SystemId);
        Assert.Equal(0, account.AccountId);
        Assert.Null(account.SystemName);
        Assert.Equal(1, account.ChangeState);
        Assert.Equal(0, account.DefaultReleaseDuration);
        Assert.False(account.IsChanging);
    }

    [Fact]
    public void E1_NumbersAndBooleansWhereTextIsExpected_AreTheirJsonText()
    {
        var account = Assert.Single(ReadBothWays("[{\"SystemName\":12,\"AccountName\":true,\"InstanceName\":{\"a\":1}}]", limit: 10).Accounts);

        Assert.Equal("12", account.SystemName);
        Assert.Equal("true", account.AccountName);
        Assert.Equal("{\"a\":1}", account.InstanceName);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("")]
    public void E1_NullEmptyOrNothing_IsAnEmptyLastPage(string json)
    {
        var page = ReadBothWays(json, limit: 10);

        Assert.Empty(page.Accounts);
        Assert.True(page.IsLast);
    }

    [Theory]
    [InlineData("[{\"SystemId\":1,")]
    [InlineData("[{\"SystemId\":1}] trailing")]
    [InlineData("not json")]
    public void E1_BrokenJson_IsInvalidServerResponse(string json)
    {
        var error = Assert.Throws<PasswordSafeException>(() => ReadFromText(json, 10));
        Assert.Equal(ErrorIds.InvalidServerResponse, error.ErrorId);
        Assert.Contains("not valid JSON", error.Message);
        Assert.Equal(ErrorIds.InvalidServerResponse, Assert.Throws<PasswordSafeException>(() => ReadFromStream(json, 10)).ErrorId);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"text\"")]
    public void E1_JsonOfAnotherShape_IsInvalidServerResponse(string json)
    {
        var error = Assert.Throws<PasswordSafeException>(() => ReadFromStream(json, 10));

        Assert.Equal(ErrorIds.InvalidServerResponse, error.ErrorId);
        Assert.Contains("a managed account list", error.Message);
    }

    [Fact]
    public void E1_HtmlPage_IsInvalidServerResponse()
    {
        var error = Assert.Throws<PasswordSafeException>(() => ReadFromText("<!DOCTYPE html><html><body>login</body></html>", 10));

        Assert.Contains("HTML", error.Message);
    }

    [Fact]
    public void E1_ThousandAccountPage_FromAStream_MatchesTheTextRead()
    {
        var json = "[" + string.Join(",", Enumerable.Range(1, 1000).Select(i => Account.Replace("201", i.ToString()))) + "]";

        var fromStream = ReadFromStream(json, 1000);
        var fromText = ReadFromText(json, 1000);

        Assert.Equal(Enumerable.Range(1, 1000), fromStream.Accounts.Select(a => a.AccountId));
        Assert.Equal(fromText.Accounts.Select(a => a.UserName), fromStream.Accounts.Select(a => a.UserName));
        Assert.False(fromStream.IsLast);
    }

    private static ManagedAccountPage ReadBothWays(string json, int limit)
    {
        var fromText = ReadFromText(json, limit);
        var fromStream = ReadFromStream(json, limit);
        Assert.Equal(Describe(fromText), Describe(fromStream));
        return fromStream;
    }

    private static string Describe(ManagedAccountPage page) =>
        $"{page.TotalCount}|{page.IsLast}|" + string.Join(";", page.Accounts.Select(a =>
            $"{a.SystemId},{a.AccountId},{a.SystemName},{a.AccountName},{a.UserName},{a.IsIsaAccess},{a.LastChangeDate}"));

    private static ManagedAccountPage ReadFromText(string json, int limit) => CheckoutJson.ReadAccountPage(Response(json), limit, null);

    private static ManagedAccountPage ReadFromStream(string json, int limit)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        using var reader = new StreamReader(stream);
        return CheckoutJson.ReadAccountPageFrom(Response(string.Empty), reader, limit, null);
    }

    private static ApiResponse Response(string body) =>
        new ApiResponse("GET", new Uri(TestSessions.BaseUri, "ManagedAccounts"), 200, "OK", body, "application/json",
            new Dictionary<string, string>(), null, TimeSpan.Zero);
}
