using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// The answer of GET ManagedAccounts, streamed with a <see cref="Utf8JsonWriter"/>: a bare array, or one object when
/// both names identify one account (§2.1). IsISAAccess is the caller's own ISA role on the account.
/// </summary>
internal sealed class ManagedAccountsResult : IResult
{
    private readonly IReadOnlyList<ManagedAccount> _accounts;
    private readonly AccountView _view;
    private readonly bool _singleObject;

    internal ManagedAccountsResult(IReadOnlyList<ManagedAccount> accounts, AccountView view, bool singleObject)
    {
        _accounts = accounts;
        _view = view;
        _singleObject = singleObject;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { SkipValidation = true });
        if (_singleObject)
        {
            ManagedAccountJsonWriter.Write(writer, _accounts[0], _view.IsIsa(_accounts[0]));
        }
        else
        {
            writer.WriteStartArray();
            for (var i = 0; i < _accounts.Count; i++)
            {
                ManagedAccountJsonWriter.Write(writer, _accounts[i], _view.IsIsa(_accounts[i]));
                // Hand full buffers to the socket as the page is written instead of holding the whole page.
                if (writer.BytesPending > 32 * 1024) await writer.FlushAsync(httpContext.RequestAborted);
            }
            writer.WriteEndArray();
        }
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
