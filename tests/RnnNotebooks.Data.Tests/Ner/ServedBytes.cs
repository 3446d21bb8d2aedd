using System.Net;

namespace RnnNotebooks.Data.Tests.Ner;

/// <summary>An HTTP handler that answers every request with the same bytes, or fails as offline; counts requests.</summary>
public sealed class ServedBytes(byte[]? bytes) : HttpMessageHandler
{
    public int Requests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        if (bytes is null)
        {
            throw new HttpRequestException("Name or service not known (raw.githubusercontent.com:443)");
        }
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });
    }
}
