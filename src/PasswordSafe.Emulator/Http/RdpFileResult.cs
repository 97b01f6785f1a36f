using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PasswordSafe.Emulator.Http;

/// <summary>rdpfile/appfile (api-v3 §5.1): 201 with the .rdp file as an attachment named by Content-Disposition.</summary>
internal sealed class RdpFileResult : IResult
{
    internal const string ContentType = "application/x-rdp";

    private readonly string _content;
    private readonly string _fileName;

    internal RdpFileResult(string content, string fileName)
    {
        _content = content;
        _fileName = fileName;
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.ContentType = ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(_fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return response.WriteAsync(_content, Encoding.UTF8);
    }
}
