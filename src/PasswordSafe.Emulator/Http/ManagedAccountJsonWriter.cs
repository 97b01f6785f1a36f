using System.Text.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Writes one account in the GET ManagedAccounts shape (api-v3 §2.1: note <c>SystemId</c>/<c>AccountId</c> casing)
/// straight to a <see cref="Utf8JsonWriter"/>, so a 1,000-account page builds no object graph.
/// </summary>
internal static class ManagedAccountJsonWriter
{
    private static readonly JsonEncodedText PlatformID = JsonEncodedText.Encode("PlatformID");
    private static readonly JsonEncodedText SystemId = JsonEncodedText.Encode("SystemId");
    private static readonly JsonEncodedText SystemName = JsonEncodedText.Encode("SystemName");
    private static readonly JsonEncodedText DomainName = JsonEncodedText.Encode("DomainName");
    private static readonly JsonEncodedText AccountId = JsonEncodedText.Encode("AccountId");
    private static readonly JsonEncodedText AccountName = JsonEncodedText.Encode("AccountName");
    private static readonly JsonEncodedText InstanceName = JsonEncodedText.Encode("InstanceName");
    private static readonly JsonEncodedText UserPrincipalName = JsonEncodedText.Encode("UserPrincipalName");
    private static readonly JsonEncodedText ApplicationID = JsonEncodedText.Encode("ApplicationID");
    private static readonly JsonEncodedText ApplicationDisplayName = JsonEncodedText.Encode("ApplicationDisplayName");
    private static readonly JsonEncodedText DefaultReleaseDuration = JsonEncodedText.Encode("DefaultReleaseDuration");
    private static readonly JsonEncodedText MaximumReleaseDuration = JsonEncodedText.Encode("MaximumReleaseDuration");
    private static readonly JsonEncodedText LastChangeDate = JsonEncodedText.Encode("LastChangeDate");
    private static readonly JsonEncodedText NextChangeDate = JsonEncodedText.Encode("NextChangeDate");
    private static readonly JsonEncodedText IsChanging = JsonEncodedText.Encode("IsChanging");
    private static readonly JsonEncodedText ChangeState = JsonEncodedText.Encode("ChangeState");
    private static readonly JsonEncodedText IsISAAccess = JsonEncodedText.Encode("IsISAAccess");
    private static readonly JsonEncodedText PreferredNodeID = JsonEncodedText.Encode("PreferredNodeID");
    private static readonly JsonEncodedText AccountDescription = JsonEncodedText.Encode("AccountDescription");

    internal static void Write(Utf8JsonWriter writer, ManagedAccount account, bool isIsaAccess)
    {
        var system = account.System;
        writer.WriteStartObject();
        writer.WriteNumber(PlatformID, system.PlatformId);
        writer.WriteNumber(SystemId, system.ManagedSystemId);
        writer.WriteString(SystemName, system.SystemName);
        WriteNullable(writer, DomainName, account.DomainName);
        writer.WriteNumber(AccountId, account.ManagedAccountId);
        writer.WriteString(AccountName, account.AccountName);
        writer.WriteString(InstanceName, account.InstanceName ?? string.Empty);
        writer.WriteString(UserPrincipalName, account.UserPrincipalName ?? string.Empty);
        if (account.ApplicationId is int applicationId) writer.WriteNumber(ApplicationID, applicationId);
        else writer.WriteNull(ApplicationID);
        writer.WriteString(ApplicationDisplayName, account.ApplicationDisplayName ?? string.Empty);
        writer.WriteNumber(DefaultReleaseDuration, RequestLedger.DefaultDuration(account));
        writer.WriteNumber(MaximumReleaseDuration, RequestLedger.MaxDuration(account));
        if (account.LastChangeDate is { } changed) writer.WriteString(LastChangeDate, changed.UtcDateTime);
        else writer.WriteNull(LastChangeDate);
        writer.WriteNull(NextChangeDate);
        writer.WriteBoolean(IsChanging, false);
        writer.WriteNumber(ChangeState, 0);
        writer.WriteBoolean(IsISAAccess, isIsaAccess);
        writer.WriteString(PreferredNodeID, account.PreferredNodeId ?? string.Empty);
        writer.WriteString(AccountDescription, account.Description ?? string.Empty);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
