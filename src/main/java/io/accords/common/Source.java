package io.accords.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** Where the facts of a record come from: a published article, release or document. */
@Embeddable
public class Source {

    @Column(length = 200)
    private String publisher;

    @Column(length = 500)
    private String title;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(name = "published_on")
    private LocalDate published;

    public String getPublisher() {
        return publisher;
    }

    public void setPublisher(String publisher) {
        this.publisher = publisher;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public LocalDate getPublished() {
        return published;
    }

    public void setPublished(LocalDate published) {
        this.published = published;
    }
}
