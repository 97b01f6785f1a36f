using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// api-v3 §3.1 CanceledDate (the request object of GET Requests, GET RequestSets and /emulator/requests): set when a
/// request was called off — canceled, denied, terminated [I]; null when it was checked in or expired (it ran its course).
/// </summary>
public class CanceledDateHttpTests
{
    [Fact]
    public async Task Api31_CanceledDate_OnlyOnRequestsCalledOff_NotOnCheckedInOrExpiredOnes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var approver = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.ApproverUser);
        var checkedIn = await CheckoutHttp.RequestAsync(jdoe, 1, 1, ",\"AccessType\":\"View\"");
        var expired = await CheckoutHttp.RequestAsync(jdoe, 1, 1, ",\"AccessType\":\"RDP\"", durationMinutes: 10);
        var canceled = await CheckoutHttp.RequestAsync(jdoe, 2, 2, ",\"AccessType\":\"View\"");
        var denied = await CheckoutHttp.RequestAsync(jdoe, 2, 2, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(jdoe, $"Requests/{checkedIn}/Checkin"), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(jdoe, $"Requests/{canceled}/Checkin"), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(approver, $"Requests/{denied}/Deny"), HttpStatusCode.NoContent);
        emulator.Clock.Advance(TimeSpan.FromMinutes(11));

        using var control = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == emulator.Server.ServerCertificate.Thumbprint,
        }) { BaseAddress = emulator.Server.RootUri };
        var listed = JsonDocument.Parse(await control.GetStringAsync("emulator/requests")).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("RequestID").GetInt32());

        Assert.Equal(("CheckedIn", JsonValueKind.Null), Shown(listed[checkedIn]));
        Assert.Equal(("Expired", JsonValueKind.Null), Shown(listed[expired]));
        Assert.Equal(("Canceled", JsonValueKind.String), Shown(listed[canceled]));
        Assert.Equal(("Denied", JsonValueKind.String), Shown(listed[denied]));
        Assert.Equal(emulator.State.FindRequest(canceled)!.ClosedDate!.Value.UtcDateTime, listed[canceled].GetProperty("CanceledDate").GetDateTime());
    }

    private static (string?, JsonValueKind) Shown(JsonElement request) =>
        (request.GetProperty("Status").GetString(), request.GetProperty("CanceledDate").ValueKind);
}
