package dev.courseline.enquiry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EnquiryApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnquiryApplication.class, args);
    }
}
